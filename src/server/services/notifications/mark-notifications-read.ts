import { sql } from "drizzle-orm";
import {
  markNotificationsReadInput,
  type MarkNotificationsReadInput,
  type MarkNotificationsReadResponse,
} from "@/lib/contracts/notifications";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import type { UserContext } from "@/server/services/contacts";
import { uuidArray } from "@/server/services/contacts/id-list";
import { countUnread } from "./list-notifications";

export { markNotificationsReadInput };

/**
 * Marks notifications read: the ids given, or every unread one. Ids that are not the caller's (or
 * already read) change nothing and are not counted, so the answer tells nobody whose they are.
 */
export async function markNotificationsRead(
  context: UserContext,
  input: MarkNotificationsReadInput,
): Promise<MarkNotificationsReadResponse> {
  const { userId } = context;
  return withUserDb(userId, async (tx) => {
    const which = "ids" in input ? sql`and id = any(${uuidArray([...new Set(input.ids)])})` : sql``;
    const marked = resultRows(
      await tx.execute(sql`update public.notifications set read_at = now()
                            where user_id = ${userId} and read_at is null ${which}
                            returning 1`),
    ).length;
    return { marked, unreadCount: await countUnread(tx, userId) };
  });
}
