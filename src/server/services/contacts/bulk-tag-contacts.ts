import { sql } from "drizzle-orm";
import { bulkTagContactsInput, type BulkTagContactsInput } from "@/lib/contracts/contact-selection";
import { withUserDb, type DbTransaction } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { AppError } from "@/server/errors";
import type { UserContext } from "./context";
import { uuidArray } from "./id-list";
import { selectedContactIds } from "./selected-contact-ids";

export { bulkTagContactsInput };

async function ownedCount(tx: DbTransaction, table: "contacts" | "tags", userId: string, ids: string[]) {
  const [row] = resultRows<{ count: number | string }>(
    await tx.execute(sql`select count(*)::int as count from ${sql.raw(`public.${table}`)}
                          where user_id = ${userId} and id = any(${uuidArray(ids)})`),
  );
  return Number(row?.count ?? 0);
}

/**
 * Adds (or removes) tags on many clients at once: the ticked ones, or every client matching a filter
 * (409 when that is no longer the count the practitioner saw). Every client and every tag must be the
 * caller's, else nothing changes and the answer is 404, the same as for ids that do not exist.
 */
export async function bulkTagContacts(context: UserContext, input: BulkTagContactsInput): Promise<{ changed: number }> {
  const { userId } = context;
  return withUserDb(userId, async (tx) => {
    const ids = await selectedContactIds(tx, userId, input);
    const contactsOwned = await ownedCount(tx, "contacts", userId, ids);
    const tagsOwned = await ownedCount(tx, "tags", userId, input.tagIds);
    if (contactsOwned !== ids.length || tagsOwned !== input.tagIds.length)
      throw AppError.notFound("One or more clients or tags were");
    const changed =
      input.action === "add"
        ? await tx.execute(sql`
            insert into public.contact_tags (contact_id, tag_id, user_id)
            select contact_id, tag_id, ${userId}::uuid
              from unnest(${uuidArray(ids)}) as contact_id cross join unnest(${uuidArray(input.tagIds)}) as tag_id
            on conflict do nothing
            returning 1`)
        : await tx.execute(sql`
            delete from public.contact_tags
             where user_id = ${userId} and contact_id = any(${uuidArray(ids)})
               and tag_id = any(${uuidArray(input.tagIds)})
            returning 1`);
    return { changed: resultRows(changed).length };
  });
}
