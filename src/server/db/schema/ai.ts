import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { AiConsentPolicy } from "@/lib/contracts/ai";
import { authUsers } from "./auth";

/** Per practitioner: whether AI may run, what it may read, the consent policy and the monthly token quota (0026). */
export const aiSettings = pgTable("ai_settings", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => authUsers.id, { onDelete: "cascade" }),
  enabled: boolean("enabled").notNull().default(false),
  readNotes: boolean("read_notes").notNull().default(true),
  consentPolicy: text("consent_policy").$type<AiConsentPolicy>().notNull().default("require_consent"),
  monthlyTokenQuota: integer("monthly_token_quota").notNull().default(200000),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The usage ledger: one row per answered provider call, with its tokens; no prompt text (0027). */
export const aiUsage = pgTable(
  "ai_usage",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    feature: text("feature").notNull(),
    model: text("model").notNull(),
    inputTokens: integer("input_tokens").notNull(),
    outputTokens: integer("output_tokens").notNull(),
    totalTokens: integer("total_tokens").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("ai_usage_user_id_occurred_at_idx").on(table.userId, table.occurredAt.desc().nullsFirst())],
);
