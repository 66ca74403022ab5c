import { sql } from "drizzle-orm";
import type { AttentionSection } from "@/lib/contracts/home";
import type { Notification } from "@/lib/contracts/notifications";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import type { UserContext } from "../contacts/context";
import { countUnread } from "../notifications/list-notifications";
import { NOTIFICATION_COLUMNS, toNotification, type NotificationRow } from "../notifications/notification-row";

/** How many of each the home page lists; the counts say how many more there are. */
export const ATTENTION_LIMIT = 5;

/** Unread notifications (newest first) and clients new from an intake form not yet opened. */
export async function loadAttentionSection(context: UserContext): Promise<AttentionSection> {
  const { userId } = context;
  return withUserDb(userId, async (tx) => {
    const notifications = resultRows<NotificationRow>(
      await tx.execute(sql`
        select ${NOTIFICATION_COLUMNS}
          from public.notifications n
         where n.user_id = ${userId} and n.read_at is null
         order by n.created_at desc, n.id desc
         limit ${ATTENTION_LIMIT}`),
    );
    const intake = resultRows<{ id: string; display_name: string; total: number }>(
      await tx.execute(sql`
        select c.id, c.display_name, count(*) over ()::int as total
          from public.contacts c
         where c.user_id = ${userId} and c.new_from_intake_at is not null
         order by c.new_from_intake_at desc, c.id
         limit ${ATTENTION_LIMIT}`),
    );
    return {
      unreadNotifications: notifications.map(toNotification).filter((item): item is Notification => item !== null),
      unreadCount: await countUnread(tx, userId),
      newFromIntake: intake.map((row) => ({ id: row.id, displayName: row.display_name })),
      newFromIntakeCount: Number(intake[0]?.total ?? 0),
    };
  });
}
