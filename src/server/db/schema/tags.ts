import { sql } from "drizzle-orm";
import {
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { authUsers } from "./auth";
import { contacts } from "./contacts";

/** A practitioner's label for clients (e.g. "Prenatal", "Sports"); names are unique per user, ignoring case. */
export const tags = pgTable(
  "tags",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    color: text("color").notNull().default("#64748b"),
    category: text("category"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique("tags_user_id_id_key").on(table.userId, table.id),
    uniqueIndex("tags_user_id_name_key").on(table.userId, sql`lower(${table.name})`),
  ],
);

/** Which tags a client carries. Both foreign keys include user_id, so a link never crosses practitioners. */
export const contactTags = pgTable(
  "contact_tags",
  {
    contactId: uuid("contact_id").notNull(),
    tagId: uuid("tag_id").notNull(),
    userId: uuid("user_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.contactId, table.tagId] }),
    foreignKey({ columns: [table.userId, table.contactId], foreignColumns: [contacts.userId, contacts.id] }).onDelete(
      "cascade",
    ),
    foreignKey({ columns: [table.userId, table.tagId], foreignColumns: [tags.userId, tags.id] }).onDelete("cascade"),
    index("contact_tags_user_id_tag_id_idx").on(table.userId, table.tagId),
  ],
);
