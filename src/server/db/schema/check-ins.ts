import { date, pgTable, smallint, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { authUsers } from "./auth";

/** The practitioner's own daily check-in (0025): one per period and practitioner's day. */
export const checkIns = pgTable(
  "check_ins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    period: text("period").$type<"morning" | "evening">().notNull(),
    energy: smallint("energy"),
    mood: smallint("mood"),
    sleep: smallint("sleep"),
    stress: smallint("stress"),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique("check_ins_user_id_day_period_key").on(table.userId, table.day, table.period)],
);
