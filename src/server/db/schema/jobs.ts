import { index, integer, jsonb, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { authUsers } from "./auth";
import { appPrivate } from "./app-private";

export const jobs = appPrivate.table(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").references(() => authUsers.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    payload: jsonb("payload").notNull().default({}),
    status: text("status", { enum: ["queued", "running", "succeeded", "dead"] })
      .notNull()
      .default("queued"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(5),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    idempotencyKey: text("idempotency_key"),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lockedBy: text("locked_by"),
    leaseId: uuid("lease_id"),
    errors: jsonb("errors").notNull().default([]),
  },
  (table) => [
    index("jobs_due_idx")
      .on(table.runAt)
      .where(sql`status = 'queued'`),
    index("jobs_user_id_idx").on(table.userId),
    uniqueIndex("jobs_kind_idempotency_key_idx")
      .on(table.kind, table.idempotencyKey)
      .where(sql`idempotency_key is not null`),
    index("jobs_lease_idx")
      .on(table.lockedUntil)
      .where(sql`status = 'running'`),
    index("jobs_running_user_idx")
      .on(table.userId)
      .where(sql`status = 'running'`),
    index("jobs_finished_idx")
      .on(table.finishedAt)
      .where(sql`status = 'succeeded'`),
  ],
);

export const jobSchedules = appPrivate.table("job_schedules", {
  name: text("name").primaryKey(),
  lastRunAt: timestamp("last_run_at", { withTimezone: true }).notNull(),
  nextRunAt: timestamp("next_run_at", { withTimezone: true }),
});
