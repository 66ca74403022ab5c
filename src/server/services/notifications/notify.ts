import { sql } from "drizzle-orm";
import type { NotificationKind } from "@/lib/contracts/notifications";
import type { DbTransaction } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { kindDefinition, type NotificationData } from "./notification-kinds";

/** A notification `notify` wrote, for the work that follows the commit (its email). */
export interface PostedNotification {
  id: string;
  userId: string;
  kind: NotificationKind;
  data: unknown;
  contactId: string | null;
}

/**
 * Posts a notification inside the caller's transaction, so it exists exactly when the change it
 * reports does. The same event twice (same kind and dedupe key) posts once: the second call returns
 * null. Runs under the practitioner's row level security or on the system path alike.
 */
export async function notify<K extends NotificationKind>(
  tx: DbTransaction,
  userId: string,
  kind: K,
  data: NotificationData<K>,
): Promise<PostedNotification | null> {
  const definition = kindDefinition(kind);
  const fields = definition.data.parse(data);
  const contactId = definition.contactId(fields);
  const [row] = resultRows<{ id: string }>(
    await tx.execute(sql`
      insert into public.notifications (user_id, kind, data, contact_id, dedupe_key)
      values (${userId}, ${kind}, ${JSON.stringify(fields)}::jsonb, ${contactId},
              ${definition.dedupeKey(fields)})
      on conflict (user_id, kind, dedupe_key) do nothing
      returning id`),
  );
  return row ? { id: row.id, userId, kind, data: fields, contactId } : null;
}
