import { sql } from "drizzle-orm";
import {
  boolean,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { authUsers } from "./auth";
import { contacts } from "./contacts";

/**
 * In-app notifications (0016): a kind and the structured fields its title is built from, optionally
 * about one client (erased with it). Posted inside the change they report; the practitioner only
 * marks them read.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    contactId: uuid("contact_id"),
    dedupeKey: text("dedupe_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (table) => [
    unique("notifications_user_id_kind_dedupe_key_key").on(table.userId, table.kind, table.dedupeKey),
    foreignKey({
      name: "notifications_contact_fkey",
      columns: [table.userId, table.contactId],
      foreignColumns: [contacts.userId, contacts.id],
    }).onDelete("cascade"),
    index("notifications_user_id_created_at_idx").on(
      table.userId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index("notifications_user_id_unread_idx")
      .on(table.userId)
      .where(sql`read_at is null`),
    index("notifications_user_id_contact_id_idx")
      .on(table.userId, table.contactId)
      .where(sql`contact_id is not null`),
  ],
);

/** Per practitioner and notification kind: whether to email as well; no row means the kind's default (0016). */
export const notificationSettings = pgTable(
  "notification_settings",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    email: boolean("email").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.kind] })],
);
