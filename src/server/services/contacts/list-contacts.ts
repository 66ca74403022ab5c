import { sql } from "drizzle-orm";
import { listContactsQuery, type ContactListResponse, type ListContactsQuery } from "@/lib/contracts/contact-list";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import type { UserContext } from "./context";
import { decodeCursor, encodeCursor } from "./contact-cursor";
import { afterCursor, contactSource, filterConditions, keyColumns, orderBy, resolveSort, SORTS } from "./contact-query";
import { SUMMARY_COLUMNS, toContactSummary, type SummaryRow } from "./contact-row";

export { listContactsQuery as listContactsInput };

type PageRow = SummaryRow & { [key: `sort_key_${number}`]: string | number };

/**
 * One page of the practitioner's clients: filtered in SQL, searched through the trigram and
 * full-text indexes, ordered by a keyset so every row appears exactly once across pages.
 */
export async function listContacts(context: UserContext, input: ListContactsQuery): Promise<ContactListResponse> {
  const { from, searching } = contactSource(context.userId, input.q);
  const sort = resolveSort(input.sort, searching);
  const spec = SORTS[sort];
  const order = input.order ?? spec.defaultOrder;
  const conditions = filterConditions(context.userId, input);
  if (input.cursor) conditions.push(afterCursor(spec, decodeCursor(input.cursor, sort, order)));

  const rows = await withUserDb(context.userId, async (tx) =>
    resultRows<PageRow>(
      await tx.execute(sql`
        select ${SUMMARY_COLUMNS}, ${keyColumns(spec)}
          from ${from}
         where ${sql.join(conditions, sql` and `)}
         order by ${orderBy(spec, order)}
         limit ${input.limit + 1}`),
    ),
  );

  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > input.limit && last
      ? encodeCursor({
          sort,
          order,
          keys: spec.keys.map((_key, index) => last[`sort_key_${index}`] ?? ""),
          id: last.id,
        })
      : null;
  return { items: page.map(toContactSummary), nextCursor };
}
