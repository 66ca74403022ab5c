import { sql } from "drizzle-orm";
import {
  listNotificationsQuery,
  type ListNotificationsQuery,
  type Notification,
  type NotificationListResponse,
} from "@/lib/contracts/notifications";
import { withUserDb, type DbTransaction } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { decodeKeysetCursor, encodeKeysetCursor } from "@/server/pagination/keyset-cursor";
import type { UserContext } from "@/server/services/contacts";
import { NOTIFICATION_COLUMNS, toNotification, type NotificationRow } from "./notification-row";

export { listNotificationsQuery as listNotificationsInput };

/** The practitioner's notifications, newest first in keyset pages, and how many are unread in all. */
export async function listNotifications(
  context: UserContext,
  input: ListNotificationsQuery,
): Promise<NotificationListResponse> {
  const { userId } = context;
  const after = input.cursor === undefined ? undefined : decodeKeysetCursor(input.cursor);
  return withUserDb(userId, async (tx) => {
    const rows = resultRows<NotificationRow>(
      await tx.execute(sql`
        select ${NOTIFICATION_COLUMNS}
          from public.notifications n
         where n.user_id = ${userId}
           ${after ? sql`and (n.created_at, n.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
         order by n.created_at desc, n.id desc
         limit ${input.limit + 1}`),
    );
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    const nextCursor =
      rows.length > input.limit && last ? encodeKeysetCursor({ at: last.created_at, id: last.id }) : null;
    const items = page.map(toNotification).filter((item): item is Notification => item !== null);
    return { items, nextCursor, unreadCount: await countUnread(tx, userId) };
  });
}

/** Unread notifications of the practitioner (the partial index on unread rows answers it). */
export async function countUnread(tx: DbTransaction, userId: string): Promise<number> {
  const [row] = resultRows<{ count: number }>(
    await tx.execute(sql`select count(*)::int as count from public.notifications
                          where user_id = ${userId} and read_at is null`),
  );
  return Number(row?.count ?? 0);
}
