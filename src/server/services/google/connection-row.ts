import { sql } from "drizzle-orm";
import {
  GOOGLE_SYNC_STALE_HOURS,
  type GoogleConnection,
  type GoogleConnectionStatus,
  type GoogleSyncState,
} from "@/lib/contracts/google";
import type { DbExecutor } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { GMAIL_READONLY_SCOPE } from "@/server/google";

/** A connection as the services read it on the system path (tokens still encrypted). */
export interface ConnectionRow {
  id: string;
  user_id: string;
  google_email: string;
  scopes: string[];
  access_token_enc: string | null;
  refresh_token_enc: string | null;
  token_expires_at: string | null;
  status: GoogleConnectionStatus;
  status_reason: string | null;
  history_id: string | null;
  sync_page_token: string | null;
  full_sync_history_id: string | null;
  full_sync_requested_at: string | null;
  last_sync_started_at: string | null;
  last_sync_succeeded_at: string | null;
  last_sync_failed_at: string | null;
  messages_imported: string | number;
  created_at: string;
}

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

const PUBLIC_COLUMNS = sql.raw(
  [
    "id",
    "user_id",
    "google_email",
    "scopes",
    "token_expires_at",
    "status",
    "status_reason",
    "history_id",
    "sync_page_token",
    "full_sync_history_id",
    "full_sync_requested_at",
    "last_sync_started_at",
    "last_sync_succeeded_at",
    "last_sync_failed_at",
    "messages_imported",
    "created_at",
  ].join(", "),
);

/** The caller's connection under row level security: every column the session role may read (no tokens). */
export async function readConnectionPublic(db: DbExecutor, userId: string): Promise<ConnectionRow | null> {
  const rows = await db.execute(sql`select ${PUBLIC_COLUMNS} from public.google_connections where user_id = ${userId}`);
  const row = resultRows<Omit<ConnectionRow, "access_token_enc" | "refresh_token_enc">>(rows)[0];
  return row ? { ...row, access_token_enc: null, refresh_token_enc: null } : null;
}

export async function readConnection(
  db: DbExecutor,
  where: { id: string } | { userId: string },
): Promise<ConnectionRow | null> {
  const filter = "id" in where ? sql`id = ${where.id}` : sql`user_id = ${where.userId}`;
  const rows = await db.execute(sql`select * from public.google_connections where ${filter}`);
  return resultRows<ConnectionRow>(rows)[0] ?? null;
}

/** What the practitioner sees: "stalled" when connected but nothing has succeeded for a day, so silence is never "up to date". */
export function syncStateOf(row: ConnectionRow, syncQueued: boolean, now = Date.now()): GoogleSyncState {
  if (row.status === "needs_reconnect") return "needs_reconnect";
  if (row.status === "failing") return "failing";
  const lastSuccess = row.last_sync_succeeded_at ? Date.parse(row.last_sync_succeeded_at) : null;
  const since = lastSuccess ?? Date.parse(row.created_at);
  if (now - since > GOOGLE_SYNC_STALE_HOURS * 3_600_000) return "stalled";
  if (syncQueued || lastSuccess === null || row.full_sync_history_id !== null || row.full_sync_requested_at !== null)
    return "syncing";
  return "up_to_date";
}

export function toGoogleConnection(row: ConnectionRow, syncQueued: boolean): GoogleConnection {
  return {
    id: row.id,
    googleEmail: row.google_email,
    scopes: row.scopes,
    gmailGranted: row.scopes.includes(GMAIL_READONLY_SCOPE),
    status: row.status,
    statusReason: row.status_reason,
    syncState: syncStateOf(row, syncQueued),
    messagesImported: Number(row.messages_imported),
    lastSyncStartedAt: iso(row.last_sync_started_at),
    lastSyncSucceededAt: iso(row.last_sync_succeeded_at),
    lastSyncFailedAt: iso(row.last_sync_failed_at),
    connectedAt: iso(row.created_at) ?? new Date(0).toISOString(),
  };
}

/** Moves a connection to a state with a reason the practitioner can read (never a token or Google's raw text). */
export async function setConnectionStatus(
  db: DbExecutor,
  connectionId: string,
  status: GoogleConnectionStatus,
  reason: string | null,
): Promise<void> {
  const failed = status === "connected" ? sql`last_sync_failed_at` : sql`now()`;
  await db.execute(sql`
    update public.google_connections
       set status = ${status}, status_reason = ${reason}, last_sync_failed_at = ${failed}, updated_at = now()
     where id = ${connectionId}`);
}
