import { sql, type SQL } from "drizzle-orm";
import {
  listDuplicatePairsInput,
  type DuplicatePairsResponse,
  type DuplicateReason,
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

interface PairKey {
  /** The key as SQL over a contacts row (`c`, `a` or `b`), written as its index expression. */
  of: (row: SQL) => SQL;
  /** Rows that have the key at all. */
  present: (row: SQL) => SQL;
}

const KEYS: Record<DuplicateReason, PairKey> = {
  email: { of: (row) => sql`${row}.email_normalized`, present: (row) => sql`${row}.email_normalized is not null` },
  phone: { of: PHONE_KEY, present: (row) => sql`${row}.phone_normalized is not null` },
  name: { of: NAME_KEY, present: () => sql`true` },
};

/**
 * Pairs sharing one key, skipping pairs a stronger key already paired (so no pair is listed twice):
 * the keys held by more than one client, then up to GROUP_MEMBERS clients per key, each pair once.
 */
function pairsSharing(userId: string, reason: DuplicateReason, stronger: DuplicateReason[]): SQL {
  const key = KEYS[reason];
  const member = (row: SQL) => sql`
    select ${row}.id, ${row}.email_normalized, ${row}.phone_normalized, ${row}.display_name
      from app_search.my_contacts ${row}
     where ${row}.user_id = ${userId} and ${key.present(row)} and ${key.of(row)} = g.key`;
  const skipped = stronger.map(
    (other) =>
      sql` and not (${KEYS[other].of(sql`a`)} is not distinct from ${KEYS[other].of(sql`b`)} and ${KEYS[other].present(sql`a`)})`,
  );
  return sql`
    select a.id as a, b.id as b
      from (select ${key.of(sql`c`)} as key
              from app_search.my_contacts c
             where c.user_id = ${userId} and ${key.present(sql`c`)}
             group by 1
            having count(*) > 1) as g
      cross join lateral (${member(sql`a`)} order by a.id limit ${GROUP_MEMBERS}) as a
      cross join lateral (${member(sql`b`)} and b.id > a.id order by b.id limit ${GROUP_MEMBERS}) as b
     where true ${sql.join(skipped, sql``)}`;
}

/** The statement behind `listDuplicatePairs`: at most `limit` pairs with their reasons and both records. */
export function duplicatePairsStatement(userId: string, limit: number): SQL {
  return sql`
        with page as (
          select p.a, p.b, row_number() over () as position from (
            ${pairsSharing(userId, "email", [])}
            union all
            ${pairsSharing(userId, "phone", ["email"])}
            union all
            ${pairsSharing(userId, "name", ["email", "phone"])}
          ) as p
           where not exists (
             select 1 from public.contact_duplicate_dismissals d
              where d.user_id = ${userId} and d.contact_id = p.a and d.other_contact_id = p.b)
           limit ${limit}
        )
        select array_remove(array[
                 case when a.email_normalized = b.email_normalized then 'email' end,
                 case when ${PHONE_KEY(sql`a`)} = ${PHONE_KEY(sql`b`)} then 'phone' end,
                 case when ${NAME_KEY(sql`a`)} = ${NAME_KEY(sql`b`)} then 'name' end], null) as reasons,
               (select row_to_json(x) from (select ${DUPLICATE_CLIENT_COLUMNS} from public.contacts c
                 where c.user_id = ${userId} and c.id = page.a) as x) as first,
               (select row_to_json(x) from (select ${DUPLICATE_CLIENT_COLUMNS} from public.contacts c
                 where c.user_id = ${userId} and c.id = page.b) as x) as second
          from page
          join app_search.my_contacts a on a.user_id = ${userId} and a.id = page.a
          join app_search.my_contacts b on b.user_id = ${userId} and b.id = page.b
         order by page.position`;
}

/**
 * The caller's likely duplicate pairs across every client, at most `limit`: clients sharing an email,
 * else a phone key, else a folded name (exact; the per-client view also finds merely similar names,
 * which across 100,000 clients would mean a trigram probe per client). Pairs come by their strongest
 * reason (email pairs first), so the query stops as soon as the page is full: a later key's groups are
 * not even computed. Each page is then ordered most reasons first.
 */
export async function listDuplicatePairs(
  context: UserContext,
  input: ListDuplicatePairsInput,
): Promise<DuplicatePairsResponse> {
  const { userId } = context;
  return withUserDb(userId, async (tx) => {
    const rows = resultRows<{ reasons: string[] | string; first: DuplicateClientRow; second: DuplicateClientRow }>(
      await tx.execute(duplicatePairsStatement(userId, input.limit + 1)),
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
    pairs.sort((x, y) => y.reasons.length - x.reasons.length);
    return { pairs, hasMore: rows.length > input.limit };
  });
}

function parsed(value: DuplicateClientRow | string): DuplicateClientRow {
  return typeof value === "string" ? (JSON.parse(value) as DuplicateClientRow) : value;
}
