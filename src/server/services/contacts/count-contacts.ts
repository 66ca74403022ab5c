import { sql } from "drizzle-orm";
import { contactFiltersQuery, type ContactFilters } from "@/lib/contracts/contact-list";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import type { UserContext } from "./context";
import { contactSource, filterConditions } from "./contact-query";

export { contactFiltersQuery as countContactsInput };

/** How many clients the same filters and search as `listContacts` match. */
export async function countContacts(context: UserContext, input: ContactFilters): Promise<{ count: number }> {
  const { from } = contactSource(context.userId, input.q);
  const conditions = filterConditions(context.userId, input);
  const [row] = await withUserDb(context.userId, async (tx) =>
    resultRows<{ count: number | string }>(
      await tx.execute(sql`select count(*)::int as count from ${from} where ${sql.join(conditions, sql` and `)}`),
    ),
  );
  return { count: Number(row?.count ?? 0) };
}
