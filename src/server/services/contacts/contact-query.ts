import { sql, type SQL } from "drizzle-orm";
import type { ContactFilters } from "@/lib/contracts/contact-list";
import type { SortOrder } from "./contact-cursor";

/** Sorts over a plain keyset: one key expression (its index on contacts ends with it, then id). */
export type KeysetSort = "name" | "created" | "updated" | "lastVisit";

export interface SortSpec {
  key: SQL;
  type: SQL;
  defaultOrder: SortOrder;
}

export const SORTS: Record<KeysetSort, SortSpec> = {
  name: { key: sql`c.display_name`, type: sql`text`, defaultOrder: "asc" },
  created: { key: sql`c.created_at`, type: sql`timestamptz`, defaultOrder: "desc" },
  updated: { key: sql`c.updated_at`, type: sql`timestamptz`, defaultOrder: "desc" },
  // The expression of contacts_user_id_last_visit_idx: clients never seen sort as the oldest visit.
  lastVisit: {
    key: sql`coalesce(c.last_visit_at, '-infinity'::timestamptz)`,
    type: sql`timestamptz`,
    defaultOrder: "desc",
  },
};

const list = (values: readonly string[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );

/** One condition per filter; `q` is not here (see contact-search). */
const FILTERS: { [K in Exclude<keyof ContactFilters, "q">]-?: (value: NonNullable<ContactFilters[K]>) => SQL } = {
  stage: (stages) => sql`c.lifecycle_stage in (${list(stages)})`,
  source: (sources) => sql`c.source in (${list(sources)})`,
  tag: (tagId) =>
    sql`exists (select 1 from public.contact_tags ct where ct.contact_id = c.id and ct.tag_id = ${tagId})`,
  hasEmail: (has) => (has ? sql`c.email is not null` : sql`c.email is null`),
  hasPhone: (has) => (has ? sql`c.phone is not null` : sql`c.phone is null`),
  newFromIntake: (is) => (is ? sql`c.new_from_intake_at is not null` : sql`c.new_from_intake_at is null`),
  createdFrom: (from) => sql`c.created_at >= ${from}::timestamptz`,
  createdTo: (to) => sql`c.created_at < ${to}::timestamptz`,
};

/** `c.user_id = …` first (it leads every index), then each filter given. */
export function filterConditions(userId: string, filters: ContactFilters): SQL[] {
  const conditions = [sql`c.user_id = ${userId}`];
  for (const name of Object.keys(FILTERS) as (keyof typeof FILTERS)[]) {
    const value = filters[name];
    if (value === undefined) continue;
    conditions.push((FILTERS[name] as (value: unknown) => SQL)(value));
  }
  return conditions;
}

/** `(key, c.id) > (cursor)` for ascending pages, `<` for descending: the rows after the cursor. */
export function afterKey(key: SQL, type: SQL, value: string | number, id: string, order: SortOrder): SQL {
  const operator = sql.raw(order === "asc" ? ">" : "<");
  return sql`(${key}, c.id) ${operator} (${value}::${type}, ${id}::uuid)`;
}

export function orderBy(key: SQL, order: SortOrder): SQL {
  const direction = sql.raw(order);
  return sql`${key} ${direction}, c.id ${direction}`;
}

export const where = (conditions: SQL[]) => sql.join(conditions, sql` and `);
