import {
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import type { MinuteRange } from "@/lib/contracts/availability";
import { authUsers } from "./auth";

/** Saved once the practitioner sets their hours (0019); until then the app offers Monday to Friday 9:00–17:00. */
export const availabilitySettings = pgTable("availability_settings", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => authUsers.id, { onDelete: "cascade" }),
  /** null: no limit. */
  dailyBookingLimit: integer("daily_booking_limit"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Working ranges per weekday (1 Monday … 7 Sunday), minutes from local midnight, `[start, end)`. */
export const availabilityWeeklyRanges = pgTable(
  "availability_weekly_ranges",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => availabilitySettings.userId, { onDelete: "cascade" }),
    weekday: smallint("weekday").notNull(),
    startMinute: integer("start_minute").notNull(),
    endMinute: integer("end_minute").notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.weekday, table.startMinute] })],
);

/** A date with its own hours, or none (a day off); one per date. */
export const availabilityOverrides = pgTable(
  "availability_overrides",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    date: date("on_date", { mode: "string" }).notNull(),
    ranges: jsonb("ranges").$type<MinuteRange[]>().notNull().default([]),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique("availability_overrides_user_id_on_date_key").on(table.userId, table.date)],
);
