import { foreignKey, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { notes } from "./notes";

/**
 * A dated addendum to a signed note. Append-only: the database dates it, refuses it on drafts and
 * refuses any update or delete except the cascade when the note's client is deleted (0006).
 */
export const noteAmendments = pgTable(
  "note_amendments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull(),
    noteId: uuid("note_id").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    foreignKey({ columns: [table.userId, table.noteId], foreignColumns: [notes.userId, notes.id] }).onDelete("cascade"),
    index("note_amendments_user_id_note_id_created_at_idx").on(table.userId, table.noteId, table.createdAt),
  ],
);
