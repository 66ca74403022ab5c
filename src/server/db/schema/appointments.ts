import { foreignKey, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { authUsers } from "./auth";
import { contacts } from "./contacts";
import { sessionTypes } from "./session-types";

/**
 * A client's session on the practitioner's calendar (0021). Buffers are copied from the session type
 * when booked. The exclusion constraint `appointments_no_double_booking` (SQL only: Drizzle cannot
 * express it) refuses overlapping busy ranges for scheduled, confirmed and completed appointments.
 */
export const appointments = pgTable(
  "appointments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id").notNull(),
    sessionTypeId: uuid("session_type_id").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    bufferBeforeMinutes: integer("buffer_before_minutes").notNull().default(0),
    bufferAfterMinutes: integer("buffer_after_minutes").notNull().default(0),
    status: text("status").notNull().default("scheduled"),
    notes: text("notes"),
    idempotencyKey: text("idempotency_key"),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    lateCancelledAt: timestamp("late_cancelled_at", { withTimezone: true }),
    noShowAt: timestamp("no_show_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique("appointments_user_id_idempotency_key_key").on(table.userId, table.idempotencyKey),
    foreignKey({
      name: "appointments_contact_fkey",
      columns: [table.userId, table.contactId],
      foreignColumns: [contacts.userId, contacts.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "appointments_session_type_fkey",
      columns: [table.userId, table.sessionTypeId],
      foreignColumns: [sessionTypes.userId, sessionTypes.id],
    }).onDelete("restrict"),
    index("appointments_user_id_starts_at_idx").on(table.userId, table.startsAt),
    index("appointments_user_id_contact_id_idx").on(table.userId, table.contactId, table.startsAt),
    index("appointments_user_id_session_type_id_idx").on(table.userId, table.sessionTypeId),
  ],
);
