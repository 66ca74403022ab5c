import { z } from "@/lib/zod";

/** Contracts for `/api/notifications/*`, shared by the route handlers, the bell and Settings → Notifications. */

/**
 * Every kind of notification the app posts. What each one says, links to and emails is data in
 * src/server/services/notifications/notification-kinds.ts; this list and the setting labels are
 * what the browser needs.
 */
export const NOTIFICATION_KINDS = ["intake.submitted"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The Settings → Notifications switch of each kind. */
export const NOTIFICATION_EMAIL_LABELS: Record<NotificationKind, string> = {
  "intake.submitted": "Email me when an intake form arrives",
};

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  /** Plain text built from the notification's structured fields (never markup). */
  title: z.string(),
  /** The client it is about, if any. */
  contactId: z.uuid().nullable(),
  /** Where opening it leads, an app path; null when there is nowhere to go. */
  href: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  readAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const NOTIFICATIONS_PAGE_SIZE = 20;
export const NOTIFICATIONS_MAX_PAGE_SIZE = 50;

/** `GET /api/notifications`: newest first, keyset pages. */
export const listNotificationsQuery = z.object({
  cursor: z.string().min(1).max(300).optional(),
  limit: z.coerce.number().int().min(1).max(NOTIFICATIONS_MAX_PAGE_SIZE).default(NOTIFICATIONS_PAGE_SIZE),
});
export type ListNotificationsQuery = z.output<typeof listNotificationsQuery>;

export const notificationListResponse = z.object({
  items: z.array(notificationSchema),
  /** Null on the last page. */
  nextCursor: z.string().nullable(),
  /** Unread notifications in all (not only on this page). */
  unreadCount: z.number().int().nonnegative(),
});
export type NotificationListResponse = z.infer<typeof notificationListResponse>;

/** `POST /api/notifications/read`: some notifications by id, or all of them. Ids that are not the caller's change nothing. */
export const markNotificationsReadInput = z.union([
  z.strictObject({
    ids: z
      .array(z.uuid())
      .min(1, { message: "Choose at least one notification" })
      .max(100, { message: "Choose at most 100 notifications" }),
  }),
  z.strictObject({ all: z.literal(true) }),
]);
export type MarkNotificationsReadInput = z.output<typeof markNotificationsReadInput>;

export const markNotificationsReadResponse = z.object({
  marked: z.number().int().nonnegative(),
  unreadCount: z.number().int().nonnegative(),
});
export type MarkNotificationsReadResponse = z.infer<typeof markNotificationsReadResponse>;

export const notificationSettingSchema = z.object({
  kind: z.enum(NOTIFICATION_KINDS),
  email: z.boolean(),
});
export type NotificationSetting = z.infer<typeof notificationSettingSchema>;

/** `GET /api/notifications/settings`: one entry per kind that can email, defaults filled in. */
export const notificationSettingsResponse = z.object({ items: z.array(notificationSettingSchema) });
export type NotificationSettingsResponse = z.infer<typeof notificationSettingsResponse>;

/** `PATCH /api/notifications/settings`: one kind's email switch. */
export const updateNotificationSettingInput = z.strictObject({
  kind: z.enum(NOTIFICATION_KINDS),
  email: z.boolean(),
});
export type UpdateNotificationSettingInput = z.output<typeof updateNotificationSettingInput>;
