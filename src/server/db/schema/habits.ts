import {
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { authUsers } from "./auth";

/** The practitioner's own habits (0024): schedule, colour, archived. */
export const habits = pgTable(
  "habits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    color: text("color").notNull(),
    scheduleKind: text("schedule_kind").$type<"daily" | "weekdays" | "times_per_week">().notNull(),
    /** Bit mask of due weekdays, Sunday = 1 … Saturday = 64 (`weekdays` schedules only). */
    weekdays: smallint("weekdays"),
    timesPerWeek: smallint("times_per_week"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique("habits_user_id_id_key").on(table.userId, table.id),
    index("habits_user_id_created_at_idx").on(table.userId, table.createdAt, table.id),
  ],
);

/** One answer per habit and practitioner's day (0024). */
export const habitEntries = pgTable(
  "habit_entries",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    habitId: uuid("habit_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    status: text("status").$type<"yes" | "no" | "skip">().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.habitId, table.day] }),
    foreignKey({
      name: "habit_entries_habit_fkey",
      columns: [table.userId, table.habitId],
      foreignColumns: [habits.userId, habits.id],
    }).onDelete("cascade"),
  ],
);

/** "Pause all" periods (0024); paused_until null means until resumed. */
export const habitPauses = pgTable(
  "habit_pauses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    pausedFrom: date("paused_from", { mode: "string" }).notNull(),
    pausedUntil: date("paused_until", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("habit_pauses_user_id_paused_from_idx").on(table.userId, table.pausedFrom)],
);
