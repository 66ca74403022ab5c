import { contactFiltersQuery, type ContactFilters } from "@/lib/contracts/contact-list";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import type { UserContext } from "./context";
import { contactCountStatement } from "./contact-statements";
import { withCallerValues } from "./database-errors";

export { contactFiltersQuery as countContactsInput };

/** How many clients the same filters and search as `listContacts` match. */
export async function countContacts(context: UserContext, input: ContactFilters): Promise<{ count: number }> {
  const [row] = await withCallerValues(() =>
    withUserDb(context.userId, async (tx) =>
      resultRows<{ count: number | string }>(await tx.execute(contactCountStatement(context.userId, input))),
    ),
  );
  return { count: Number(row?.count ?? 0) };
}
