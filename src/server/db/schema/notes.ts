import { sql } from "drizzle-orm";
import { foreignKey, index, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { contacts } from "./contacts";

/**
 * A session note about one client: the editor's JSON document plus its plain text, which is what
 * search reads (through the `to_tsvector('simple', app_search.fold(body_text))` index). Final exactly when signed;
 * from then on the database refuses any change but a move to another client (merge), see 0006.
 */
export const notes = pgTable(
  "notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    bodyJson: jsonb("body_json")
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{"type": "doc", "content": []}'::jsonb`),
    bodyText: text("body_text").notNull().default(""),
    template: text("template"),
    status: text("status", { enum: ["draft", "final"] })
      .notNull()
      .default("draft"),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique("notes_user_id_id_key").on(table.userId, table.id),
    foreignKey({ columns: [table.userId, table.contactId], foreignColumns: [contacts.userId, contacts.id] }).onDelete(
      "cascade",
    ),
    index("notes_user_id_contact_id_created_at_idx").on(
      table.userId,
      table.contactId,
      table.createdAt.desc().nullsFirst(),
    ),
    index("notes_body_text_folded_search_idx").using(
      "gin",
      sql`to_tsvector('simple', app_search.fold(${table.bodyText}))`,
    ),
  ],
);
