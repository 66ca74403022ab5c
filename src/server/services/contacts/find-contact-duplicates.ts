import { sql } from "drizzle-orm";
import type { ContactDuplicatesResponse } from "@/lib/contracts/contact-duplicates";
import { contactIdParams } from "@/lib/contracts/contacts";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { AppError } from "@/server/errors";
import type { UserContext } from "./context";
import {
  DUPLICATE_CLIENT_COLUMNS,
  NAME_KEY,
  NAME_SIMILARITY,
  PHONE_KEY,
  orderedReasons,
  toDuplicateClient,
  type DuplicateClientRow,
} from "./duplicate-keys";

export { contactIdParams as findContactDuplicatesInput };

const MAX_SUGGESTIONS = 20;

/**
 * Other clients of the caller who may be the same person as `id`: the same email (ignoring case and
 * spaces), the same phone (its last nine digits) or a similar name (folded, trigram similarity), less
 * the pairs dismissed as "not a duplicate". Most reasons first, then the oldest record.
 * Lookups read `app_search.my_contacts` (the caller's rows, see README): under row level security
 * Postgres would not use the key indexes for the non-leakproof key expressions.
 */
export async function findContactDuplicates(
  context: UserContext,
  input: { id: string },
): Promise<ContactDuplicatesResponse> {
  const { userId } = context;
  return withUserDb(userId, async (tx) => {
    const rows = resultRows<DuplicateClientRow & { found: boolean | null; reasons: string[] | string | null }>(
      await tx.execute(sql`
        with me as materialized (
          select c.id, c.email_normalized as email, ${PHONE_KEY(sql`c`)} as phone_key, ${NAME_KEY(sql`c`)} as name_key
            from app_search.my_contacts c
           where c.user_id = ${userId} and c.id = ${input.id}
        ),
        candidate as (
          select c.id, 'email' as reason
            from me join app_search.my_contacts c on c.user_id = ${userId} and c.email_normalized = me.email
          union all
          select c.id, 'phone'
            from me join app_search.my_contacts c
              on c.user_id = ${userId} and c.phone_normalized is not null and ${PHONE_KEY(sql`c`)} = me.phone_key
          union all
          select close_name.id, 'name'
            from me cross join lateral (
              select c.id from app_search.my_contacts c
               where c.user_id = ${userId}
                 and ${NAME_KEY(sql`c`)} % me.name_key
                 and similarity(${NAME_KEY(sql`c`)}, me.name_key) >= ${NAME_SIMILARITY}
               limit 100
            ) as close_name
        ),
        suggestion as (
          select k.id, array_agg(distinct k.reason) as reasons
            from candidate k, me
           where k.id <> me.id
             and not exists (
               select 1 from public.contact_duplicate_dismissals d
                where d.user_id = ${userId}
                  and d.contact_id = least(k.id, me.id) and d.other_contact_id = greatest(k.id, me.id))
           group by k.id
        )
        select (select count(*) > 0 from me) as found, ${DUPLICATE_CLIENT_COLUMNS}, s.reasons
          from (select 1) as always
          left join (suggestion s join app_search.my_contacts c on c.user_id = ${userId} and c.id = s.id) on true
         order by cardinality(s.reasons) desc nulls last, c.created_at, c.id
         limit ${MAX_SUGGESTIONS}`),
    );
    if (!rows[0]?.found) throw AppError.notFound("Client");
    return {
      duplicates: rows
        .filter((row) => row.id && row.reasons)
        .map((row) => ({ contact: toDuplicateClient(row), reasons: orderedReasons(row.reasons ?? []) })),
    };
  });
}
