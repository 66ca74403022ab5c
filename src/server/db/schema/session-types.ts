import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { authUsers } from "./auth";

/**
 * A kind of session the practitioner offers (0020): duration, displayed price, calendar colour,
 * buffers, booking window and location. Archived types stay for the appointments that used them.
 */
export const sessionTypes = pgTable(
  "session_types",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    priceMinor: integer("price_minor"),
    currency: text("currency"),
    color: text("color").notNull().default("#2563eb"),
    bufferBeforeMinutes: integer("buffer_before_minutes").notNull().default(0),
    bufferAfterMinutes: integer("buffer_after_minutes").notNull().default(0),
    minNoticeMinutes: integer("min_notice_minutes").notNull().default(0),
    maxDaysAhead: integer("max_days_ahead").notNull().default(60),
    clientBookable: boolean("client_bookable").notNull().default(false),
    locationKind: text("location_kind").notNull().default("in_person"),
    locationDetail: text("location_detail"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique("session_types_user_id_id_key").on(table.userId, table.id),
    index("session_types_user_id_name_idx").on(table.userId, sql`lower(${table.name})`),
  ],
);
