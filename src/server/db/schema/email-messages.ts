import {
  bigint,
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
import { googleConnections } from "./google-connections";

export interface EmailAddress {
  name: string | null;
  email: string;
}

/** A Gmail message with at least one client among its participants (migration 0018). */
export const emailMessages = pgTable(
  "email_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    connectionId: uuid("connection_id").notNull(),
    gmailMessageId: text("gmail_message_id").notNull(),
    threadId: text("thread_id").notNull(),
    subject: text("subject").notNull().default(""),
    snippet: text("snippet").notNull().default(""),
    fromEmail: text("from_email"),
    fromName: text("from_name"),
    toAddresses: jsonb("to_addresses").$type<EmailAddress[]>().notNull().default([]),
    ccAddresses: jsonb("cc_addresses").$type<EmailAddress[]>().notNull().default([]),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
    direction: text("direction", { enum: ["sent", "received"] }).notNull(),
    bodyText: text("body_text").notNull().default(""),
    bodyTruncated: boolean("body_truncated").notNull().default(false),
    attachments: jsonb("attachments").$type<{ name: string; size: number }[]>().notNull().default([]),
    labelIds: text("label_ids").array().notNull().default([]),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique("email_messages_user_id_id_key").on(table.userId, table.id),
    unique("email_messages_connection_id_gmail_message_id_key").on(table.connectionId, table.gmailMessageId),
    foreignKey({
      name: "email_messages_connection_fkey",
      columns: [table.userId, table.connectionId],
      foreignColumns: [googleConnections.userId, googleConnections.id],
    }).onDelete("cascade"),
    index("email_messages_user_id_sent_at_idx").on(
      table.userId,
      table.sentAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index("email_messages_user_id_connection_id_idx").on(table.userId, table.connectionId),
  ],
);

/** Which clients a message involves; `sent_at` copied for the client timeline's keyset index. */
export const emailMessageContacts = pgTable(
  "email_message_contacts",
  {
    userId: uuid("user_id").notNull(),
    messageId: uuid("message_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.messageId, table.contactId] }),
    foreignKey({
      columns: [table.userId, table.messageId],
      foreignColumns: [emailMessages.userId, emailMessages.id],
    }).onDelete("cascade"),
    foreignKey({ columns: [table.userId, table.contactId], foreignColumns: [contacts.userId, contacts.id] }).onDelete(
      "cascade",
    ),
    index("email_message_contacts_timeline_idx").on(
      table.userId,
      table.contactId,
      table.sentAt.desc().nullsFirst(),
      table.messageId.desc().nullsFirst(),
    ),
  ],
);

/** Addresses and @domains never imported. */
export const emailBlocklist = pgTable(
  "email_blocklist",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    pattern: text("pattern").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique("email_blocklist_user_id_pattern_key").on(table.userId, table.pattern)],
);

/** Unknown senders counted per address, offered as "add as client?". */
export const emailSenderSuggestions = pgTable(
  "email_sender_suggestions",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    displayName: text("display_name"),
    messageCount: bigint("message_count", { mode: "number" }).notNull().default(0),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    dismissedAt: timestamp("dismissed_at", { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.userId, table.email] })],
);
