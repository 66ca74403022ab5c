import { sql } from "drizzle-orm";
import { NOTIFICATION_KINDS, type Notification, type NotificationKind } from "@/lib/contracts/notifications";
import { kindDefinition } from "./notification-kinds";

/** Columns of `public.notifications n`; times as ISO text with microseconds (the keyset position). */
export const NOTIFICATION_COLUMNS = sql`n.id, n.kind, n.data, n.contact_id,
  to_char(n.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_at,
  to_char(n.read_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as read_at`;

export interface NotificationRow {
  id: string;
  kind: string;
  data: unknown;
  contact_id: string | null;
  created_at: string;
  read_at: string | null;
}

const isKnownKind = (kind: string): kind is NotificationKind =>
  (NOTIFICATION_KINDS as readonly string[]).includes(kind);

/**
 * The API's view of a row, its title and link built by its kind. A row whose kind or fields this
 * version does not know (written by a newer one, or from before a change) is left out, not a 500.
 */
export function toNotification(row: NotificationRow): Notification | null {
  if (!isKnownKind(row.kind)) return null;
  const definition = kindDefinition(row.kind);
  const data = definition.data.safeParse(typeof row.data === "string" ? JSON.parse(row.data) : row.data);
  if (!data.success) return null;
  return {
    id: row.id,
    kind: row.kind,
    title: definition.title(data.data),
    contactId: row.contact_id,
    href: definition.href(data.data, row.contact_id),
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}
