import { setImmediate } from "node:timers/promises";
import { sql } from "drizzle-orm";
import { nextTagColors } from "@/lib/tag-colors";
import type { DbTransaction } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { uuidArray } from "@/server/services/contacts/id-list";

const asJson = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/**
 * Finds or creates the caller's tags by name, ignoring case (new tags get the colours their tags use
 * least, as one created by hand does); returns lower-cased name → id.
 */
export async function ensureTags(
  tx: DbTransaction,
  userId: string,
  names: readonly string[],
): Promise<Map<string, string>> {
  const byKey = new Map<string, string>();
  for (const name of names) if (!byKey.has(name.toLowerCase())) byKey.set(name.toLowerCase(), name);
  if (byKey.size === 0) return new Map();
  const wanted = asJson([...byKey.values()]);
  const existing = resultRows<{ key: string; color: string }>(
    await tx.execute(sql`select lower(name) as key, color from public.tags where user_id = ${userId}`),
  );
  const known = new Set(existing.map((tag) => tag.key));
  const added = [...byKey].filter(([key]) => !known.has(key)).map(([, name]) => name);
  const colors = nextTagColors(
    existing.map((tag) => tag.color),
    added.length,
  );
  await tx.execute(sql`
    insert into public.tags (user_id, name, color)
    select ${userId}::uuid, input ->> 0, input ->> 1
      from jsonb_array_elements(${asJson(added.map((name, index) => [name, colors[index]]))}) as input
    on conflict (user_id, lower(name)) do nothing`);
  const rows = resultRows<{ id: string; key: string }>(
    await tx.execute(sql`
      select t.id, lower(t.name) as key from public.tags t
       where t.user_id = ${userId}
         and lower(t.name) in (select lower(input.name) from jsonb_array_elements_text(${wanted}) as input (name))`),
  );
  return new Map(rows.map((row) => [row.key, row.id]));
}

/** The tag names each of some clients already carries. */
export async function existingTagNames(
  tx: DbTransaction,
  userId: string,
  contactIds: readonly string[],
): Promise<Map<string, string[]>> {
  const names = new Map<string, string[]>();
  if (contactIds.length === 0) return names;
  const rows = resultRows<{ contact_id: string; name: string }>(
    await tx.execute(sql`
      select ct.contact_id, t.name from public.contact_tags ct join public.tags t on t.id = ct.tag_id
       where ct.user_id = ${userId} and ct.contact_id = any(${uuidArray(contactIds)})`),
  );
  for (const row of rows) names.set(row.contact_id, [...(names.get(row.contact_id) ?? []), row.name]);
  return names;
}

const LINKS_PER_STATEMENT = 5_000;

/** Puts tags on clients: `[contactId, tagId]` pairs, both the caller's (the foreign keys carry user_id). */
export async function linkTags(tx: DbTransaction, userId: string, links: readonly [string, string][]): Promise<void> {
  for (let start = 0; start < links.length; start += LINKS_PER_STATEMENT) {
    await tx.execute(sql`
      insert into public.contact_tags (contact_id, tag_id, user_id)
      select (pair ->> 0)::uuid, (pair ->> 1)::uuid, ${userId}::uuid
        from jsonb_array_elements(${asJson(links.slice(start, start + LINKS_PER_STATEMENT))}) as pair
      on conflict do nothing`);
    await setImmediate();
  }
}
