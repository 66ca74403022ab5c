import { listContactsQuery, type ContactListResponse, type ListContactsQuery } from "@/lib/contracts/contact-list";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import type { UserContext } from "./context";
import { encodeCursor } from "./contact-cursor";
import { SORTS } from "./contact-query";
import { toContactSummary, type SummaryRow } from "./contact-row";
import { contactPageStatement } from "./contact-statements";

export { listContactsQuery as listContactsInput };

type PageRow = SummaryRow & { [key: `sort_key_${number}`]: string | number };

/**
 * One page of the practitioner's clients: filtered in SQL, searched through the trigram and
 * full-text indexes, ordered by a keyset so every row appears exactly once across pages.
 */
export async function listContacts(context: UserContext, input: ListContactsQuery): Promise<ContactListResponse> {
  const { statement, sort, order } = contactPageStatement(context.userId, input);
  const rows = await withUserDb(context.userId, async (tx) => resultRows<PageRow>(await tx.execute(statement)));
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const keys = SORTS[sort].keys.map((_key, index) => last?.[`sort_key_${index}`] ?? "");
  const nextCursor = rows.length > input.limit && last ? encodeCursor({ sort, order, keys, id: last.id }) : null;
  return { items: page.map(toContactSummary), nextCursor };
}
