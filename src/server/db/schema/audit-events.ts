import { sql } from "drizzle-orm";
import { index, inet, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The audit log (0007). Append-only: inserts and reads under row level security; updates and
 * deletes are refused by a trigger except inside the prune and erase maintenance functions.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: uuid("target_id"),
    ip: inet("ip"),
    userAgent: text("user_agent"),
    requestId: text("request_id"),
    metadata: jsonb("metadata")
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("audit_events_user_id_occurred_at_idx").on(
      table.userId,
      table.occurredAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index("audit_events_occurred_at_idx").on(table.occurredAt),
    // A client's history follows the clients merged into it (0015).
    index("audit_events_client_merged_idx")
      .on(table.userId, table.targetId)
      .where(sql`action = 'client.merged'`),
  ],
);
