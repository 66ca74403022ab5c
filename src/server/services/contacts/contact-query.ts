import { sql, type SQL } from "drizzle-orm";
import type { ContactFilters, ContactSort } from "@/lib/contracts/contact-list";
import { AppError } from "@/server/http/app-error";
import type { ContactCursor, SortOrder } from "./contact-cursor";
import { searchHits, searchTerms } from "./contact-search";

/** Each sort: the key expressions (each index on contacts ends with them, then id) and their SQL types. */
interface SortSpec {
  keys: SQL[];
  types: SQL[];
  defaultOrder: SortOrder;
}

const INT = sql`int`;

export const SORTS: Record<ContactSort, SortSpec> = {
  name: { keys: [sql`c.display_name`], types: [sql`text`], defaultOrder: "asc" },
  created: { keys: [sql`c.created_at`], types: [sql`timestamptz`], defaultOrder: "desc" },
  updated: { keys: [sql`c.updated_at`], types: [sql`timestamptz`], defaultOrder: "desc" },
  // The expression of contacts_user_id_last_visit_idx: clients never seen sort as the oldest visit.
  lastVisit: {
    keys: [sql`coalesce(c.last_visit_at, '-infinity'::timestamptz)`],
    types: [sql`timestamptz`],
    defaultOrder: "desc",
  },
  relevance: { keys: [sql`h.rank`, sql`c.display_name`], types: [INT, sql`text`], defaultOrder: "asc" },
};

const list = (values: readonly string[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );

/** One condition per filter; `q` is not here, it decides the FROM clause instead. */
const FILTERS: { [K in Exclude<keyof ContactFilters, "q">]-?: (value: NonNullable<ContactFilters[K]>) => SQL } = {
  stage: (stages) => sql`c.lifecycle_stage in (${list(stages)})`,
  source: (sources) => sql`c.source in (${list(sources)})`,
  tag: (tagId) =>
    sql`exists (select 1 from public.contact_tags ct where ct.contact_id = c.id and ct.tag_id = ${tagId})`,
  hasEmail: (has) => (has ? sql`c.email is not null` : sql`c.email is null`),
  hasPhone: (has) => (has ? sql`c.phone is not null` : sql`c.phone is null`),
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

/** The clients to read: all of the user's (the conditions say whose), or (with `q`) the search hits joined to their rows as `h`. */
export function contactSource(query: string | undefined): { from: SQL; searching: boolean } {
  const terms = query === undefined ? undefined : searchTerms(query);
  if (!terms) return { from: sql`public.contacts c`, searching: false };
  return { from: sql`(${searchHits(terms)}) h join public.contacts c on c.id = h.id`, searching: true };
}

export function resolveSort(requested: ContactSort | undefined, searching: boolean): ContactSort {
  const sort = requested ?? (searching ? "relevance" : "name");
  if (sort === "relevance" && !searching)
    throw new AppError("validation_failed", "Sorting by relevance needs a search (q)", {
      details: [{ path: "sort", message: "Sorting by relevance needs a search (q)" }],
    });
  return sort;
}

/** `(keys…, c.id) > (cursor…)` for ascending pages, `<` for descending: the rows after the cursor. */
export function afterCursor(spec: SortSpec, cursor: ContactCursor): SQL {
  const operator = cursor.order === "asc" ? sql.raw(">") : sql.raw("<");
  const values = cursor.keys.map((value, index) => sql`${value}::${spec.types[index]}`);
  return sql`(${sql.join([...spec.keys, sql`c.id`], sql`, `)}) ${operator} (${sql.join(
    [...values, sql`${cursor.id}::uuid`],
    sql`, `,
  )})`;
}

export function orderBy(spec: SortSpec, order: SortOrder): SQL {
  const direction = sql.raw(order);
  return sql.join(
    [...spec.keys, sql`c.id`].map((key) => sql`${key} ${direction}`),
    sql`, `,
  );
}

/** The sort key values of a row: ranks as numbers, the rest as text Postgres reads back exactly (microseconds included). */
export function keyColumns(spec: SortSpec): SQL {
  return sql.join(
    spec.keys.map((key, index) => {
      const asText = spec.types[index] === INT ? key : sql`${key}::text`;
      return sql`${asText} as ${sql.raw(`sort_key_${index}`)}`;
    }),
    sql`, `,
  );
}
