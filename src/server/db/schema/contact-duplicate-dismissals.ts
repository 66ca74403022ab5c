import { sql } from "drizzle-orm";
import { check, foreignKey, index, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { authUsers } from "./auth";
import { contacts } from "./contacts";

/** A pair of clients the practitioner marked "not a duplicate" (0015); the smaller id is `contactId`. */
export const contactDuplicateDismissals = pgTable(
  "contact_duplicate_dismissals",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id").notNull(),
    otherContactId: uuid("other_contact_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.contactId, table.otherContactId] }),
    check("contact_duplicate_dismissals_ordered", sql`${table.contactId} < ${table.otherContactId}`),
    foreignKey({ columns: [table.userId, table.contactId], foreignColumns: [contacts.userId, contacts.id] }).onDelete(
      "cascade",
    ),
    foreignKey({
      columns: [table.userId, table.otherContactId],
      foreignColumns: [contacts.userId, contacts.id],
    }).onDelete("cascade"),
    index("contact_duplicate_dismissals_other_idx").on(table.userId, table.otherContactId, table.contactId),
  ],
);
