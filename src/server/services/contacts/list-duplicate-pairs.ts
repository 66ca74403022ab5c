import { sql, type SQL } from "drizzle-orm";
import {
  listDuplicatePairsInput,
  type DuplicatePairsResponse,
  type ListDuplicatePairsInput,
} from "@/lib/contracts/contact-duplicates";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import type { UserContext } from "./context";
import {
  DUPLICATE_CLIENT_COLUMNS,
  NAME_KEY,
  PHONE_KEY,
  orderedReasons,
  toDuplicateClient,
  type DuplicateClientRow,
} from "./duplicate-keys";

export { listDuplicatePairsInput };

/** Clients of one key group paired with each other: at most this many per group (28 pairs). */
const GROUP_MEMBERS = 8;

/** Groups of clients sharing one key, each walked in the order of its `(user_id, key, id)` index. */
function keyGroups(userId: string, reason: string, key: SQL, present: SQL): SQL {
  return sql`
    select ${reason}::text as reason, (array_agg(c.id order by c.id))[1:${GROUP_MEMBERS}] as ids
      from app_search.my_contacts c
     where c.user_id = ${userId} and ${present}
     group by ${key}
    having count(*) > 1`;
}

/**
 * The caller's likely duplicate pairs across every client, most reasons first, at most `limit`:
 * clients sharing an email, a phone key or a folded name (exact; the per-client view also finds
 * merely similar names, which across 100,000 clients would mean a trigram probe per client).
 * Each key is grouped straight off its index, so the cost is one pass over the caller's clients.
 */
export async function listDuplicatePairs(
  context: UserContext,
  input: ListDuplicatePairsInput,
): Promise<DuplicatePairsResponse> {
  const { userId } = context;
  return withUserDb(userId, async (tx) => {
    const rows = resultRows<{ reasons: string[] | string; first: DuplicateClientRow; second: DuplicateClientRow }>(
      await tx.execute(sql`
        with grouped as (
          ${keyGroups(userId, "email", sql`c.email_normalized`, sql`c.email_normalized is not null`)}
          union all
          ${keyGroups(userId, "phone", PHONE_KEY(sql`c`), sql`c.phone_normalized is not null`)}
          union all
          ${keyGroups(userId, "name", NAME_KEY(sql`c`), sql`true`)}
        ),
        pair as (
          select least(a.id, b.id) as a, greatest(a.id, b.id) as b, array_agg(distinct g.reason) as reasons
            from grouped g
            cross join lateral unnest(g.ids) with ordinality as a (id, n)
            cross join lateral unnest(g.ids) with ordinality as b (id, m)
           where a.n < b.m
           group by 1, 2
        ),
        wanted as (
          select p.* from pair p
           where not exists (
             select 1 from public.contact_duplicate_dismissals d
              where d.user_id = ${userId} and d.contact_id = p.a and d.other_contact_id = p.b)
           order by cardinality(p.reasons) desc, p.a, p.b
           limit ${input.limit + 1}
        )
        select w.reasons,
               (select row_to_json(x) from (select ${DUPLICATE_CLIENT_COLUMNS} from public.contacts c
                 where c.user_id = ${userId} and c.id = w.a) as x) as first,
               (select row_to_json(x) from (select ${DUPLICATE_CLIENT_COLUMNS} from public.contacts c
                 where c.user_id = ${userId} and c.id = w.b) as x) as second
          from wanted w
         order by cardinality(w.reasons) desc, w.a, w.b`),
    );
    const pairs = rows.slice(0, input.limit).map((row) => {
      const [first, second] = [parsed(row.first), parsed(row.second)];
      // The older record first: it is the one a merge keeps unless the practitioner swaps them.
      const olderFirst =
        first.created_at < second.created_at || (first.created_at === second.created_at && first.id < second.id);
      const [contact, other] = olderFirst ? [first, second] : [second, first];
      return {
        contact: toDuplicateClient(contact),
        other: toDuplicateClient(other),
        reasons: orderedReasons(row.reasons),
      };
    });
    return { pairs, hasMore: rows.length > input.limit };
  });
}

function parsed(value: DuplicateClientRow | string): DuplicateClientRow {
  return typeof value === "string" ? (JSON.parse(value) as DuplicateClientRow) : value;
}
