import { pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { authUsers } from "./auth";

/** The practitioner's own profile: their name, the business clients see, and how dates and times read. */
export const profiles = pgTable("profiles", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => authUsers.id, { onDelete: "cascade" }),
  displayName: text("display_name").notNull(),
  businessName: text("business_name"),
  /** IANA zone; null until the browser's guess is stored (0014). */
  timeZone: text("time_zone"),
  /** null: the browser's language. */
  locale: text("locale"),
  weekStart: text("week_start").notNull().default("monday"),
  /** null: the locale's usual clock. */
  hourCycle: text("hour_cycle"),
  /** 0–12: the local hour a new day begins for habits and check-ins (0024). */
  dayStartHour: smallint("day_start_hour").notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
