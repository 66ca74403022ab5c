import { bigint, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { appPrivate } from "./app-private";
import { authUsers } from "./auth";

/**
 * A practitioner's Google connection (migration 0017). `*_enc` columns hold envelopes only (see
 * `ENCRYPTED_COLUMNS`) and are not readable by the session role; the app writes tokens and the sync
 * position on its system path.
 */
export const googleConnections = pgTable(
  "google_connections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    googleEmail: text("google_email").notNull(),
    scopes: text("scopes").array().notNull().default([]),
    accessTokenEnc: text("access_token_enc"),
    refreshTokenEnc: text("refresh_token_enc"),
    tokenExpiresAt: timestamp("token_expires_at", { withTimezone: true }),
    status: text("status", { enum: ["connected", "needs_reconnect", "failing"] })
      .notNull()
      .default("connected"),
    statusReason: text("status_reason"),
    historyId: text("history_id"),
    syncPageToken: text("sync_page_token"),
    fullSyncHistoryId: text("full_sync_history_id"),
    fullSyncRequestedAt: timestamp("full_sync_requested_at", { withTimezone: true }),
    lastSyncStartedAt: timestamp("last_sync_started_at", { withTimezone: true }),
    lastSyncSucceededAt: timestamp("last_sync_succeeded_at", { withTimezone: true }),
    lastSyncFailedAt: timestamp("last_sync_failed_at", { withTimezone: true }),
    messagesImported: bigint("messages_imported", { mode: "number" }).notNull().default(0),
    staleHistoryResyncs: bigint("stale_history_resyncs", { mode: "number" }).notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique("google_connections_user_id_key").on(table.userId),
    unique("google_connections_user_id_id_key").on(table.userId, table.id),
  ],
);

/** OAuth round trips in flight (migration 0017): bound to the session that started them, spent once. */
export const googleOauthStates = appPrivate.table(
  "google_oauth_states",
  {
    stateHash: text("state_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    sessionHash: text("session_hash").notNull(),
    codeVerifier: text("code_verifier").notNull(),
    redirectUri: text("redirect_uri").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("google_oauth_states_user_id_idx").on(table.userId)],
);
