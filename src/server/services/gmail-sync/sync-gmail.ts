import { sql } from "drizzle-orm";
import { z } from "@/lib/zod";
import { env } from "@/server/config/env";
import { withSystemDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import {
  gmailMailbox,
  googleSettings,
  isGoogleError,
  type GmailMailbox,
  type GoogleRetryPolicy,
  type GoogleSettings,
} from "@/server/google";
import type { JobRunContext } from "@/server/jobs/registry";
import { readConnection, setConnectionStatus, type ConnectionRow } from "@/server/services/google/connection-row";
import { authorisedClient } from "@/server/services/google/connection-tokens";
import { NO_GMAIL_REASON } from "@/server/services/google/no-gmail-reason";
import { matchMessages, type MatchContext } from "./match-messages";
import { CursorMovedError, storeBatch, type Cursor } from "./store-batch";

export const gmailSyncPayload = z.object({ connectionId: z.uuid() }).strict();

/** Test seams: the Google client settings and retry policy (defaults: the configured ones). */
export interface SyncOverrides {
  settings?: GoogleSettings;
  retry?: GoogleRetryPolicy;
}

const FAILURE_REASONS: Record<string, string> = {
  rate_limited: "Gmail asked us to slow down; the sync will try again shortly.",
  unavailable: "Gmail could not be reached; the sync will try again shortly.",
  failed: "Gmail refused a request; the sync will try again.",
  not_found: "Gmail refused a request; the sync will try again.",
};

type Run = Pick<JobRunContext, "signal" | "heartbeat">;

/**
 * The `google.gmail-sync` job ("outside" mode: many short transactions, at least once, idempotent).
 * First import: the last GMAIL_INITIAL_SYNC_DAYS days, page by page, remembering the historyId it
 * started at; then incremental sync from the saved historyId, paging until Gmail sends no
 * nextPageToken (empty pages included). Each page commits with its cursor. A stale historyId (404)
 * starts one bounded full import of the same window. `invalid_grant` (or a missing Gmail scope)
 * marks the connection needs_reconnect and ends the job without retries; other failures mark it
 * failing with a readable reason and rethrow, so the job retries with backoff.
 */
export async function syncGmail(
  payload: z.output<typeof gmailSyncPayload>,
  run: Run,
  overrides: SyncOverrides = {},
): Promise<void> {
  const settings = overrides.settings ?? googleSettings();
  if (!settings) return;
  let row = await withSystemDb("gmail-sync:read", (tx) => readConnection(tx, { id: payload.connectionId }));
  if (!row || row.status === "needs_reconnect") return;
  await withSystemDb("gmail-sync:start", (tx) =>
    tx.execute(
      sql`update public.google_connections set last_sync_started_at = now() where id = ${payload.connectionId}`,
    ),
  );
  try {
    const auth = await authorisedClient(settings, row, overrides.retry);
    const gmail = gmailMailbox(auth, settings, overrides.retry);
    const blocklist = await readBlocklist(row.user_id);
    const context: MatchContext = { userId: row.user_id, ownEmail: row.google_email, blocklist, signal: run.signal };
    row = await syncPasses(gmail, row, context, run);
    await withSystemDb("gmail-sync:succeeded", async (tx) => {
      await setConnectionStatus(tx, row?.id ?? payload.connectionId, "connected", null);
      await tx.execute(
        sql`update public.google_connections set last_sync_succeeded_at = now() where id = ${payload.connectionId}`,
      );
    });
  } catch (error) {
    if (error instanceof CursorMovedError) return;
    if (isGoogleError(error, "grant_revoked")) return; // already marked needs_reconnect, retrying cannot help
    if (isGoogleError(error, "insufficient_scope")) {
      await withSystemDb("gmail-sync:scope", (tx) =>
        setConnectionStatus(tx, payload.connectionId, "needs_reconnect", NO_GMAIL_REASON),
      );
      return;
    }
    const reason = isGoogleError(error)
      ? (FAILURE_REASONS[error.kind] ?? FAILURE_REASONS.failed)
      : "The sync stopped unexpectedly; it will try again.";
    await withSystemDb("gmail-sync:failed", (tx) =>
      setConnectionStatus(tx, payload.connectionId, "failing", reason ?? null),
    );
    throw error;
  }
}

async function readBlocklist(userId: string): Promise<string[]> {
  return withSystemDb("gmail-sync:blocklist", async (tx) =>
    resultRows<{ pattern: string }>(
      await tx.execute(sql`select pattern from public.email_blocklist where user_id = ${userId}`),
    ).map((entry) => entry.pattern),
  );
}

const cursorOf = (row: ConnectionRow): Cursor => ({
  historyId: row.history_id,
  pageToken: row.sync_page_token,
  fullSyncHistoryId: row.full_sync_history_id,
});

async function reread(id: string): Promise<ConnectionRow> {
  const row = await withSystemDb("gmail-sync:read", (tx) => readConnection(tx, { id }));
  if (!row) throw new CursorMovedError(); // disconnected meanwhile
  return row;
}

/** Runs the import (when due) and the incremental pass; at most one stale-history restart per run. */
async function syncPasses(gmail: GmailMailbox, start: ConnectionRow, context: MatchContext, run: Run) {
  let row = start;
  if (row.full_sync_requested_at !== null) row = await beginFullImport(gmail, row, false);
  for (let restarts = 0; ; restarts += 1) {
    if (row.history_id === null && row.full_sync_history_id === null) row = await beginFullImport(gmail, row, false);
    if (row.full_sync_history_id !== null) row = await fullImport(gmail, row, context, run);
    try {
      return await incremental(gmail, row, context, run);
    } catch (error) {
      if (!isGoogleError(error, "history_expired") || restarts > 0) throw error;
      row = await beginFullImport(gmail, row, true);
    }
  }
}

/** Starts an import of the window from scratch, remembering where Gmail's history stood. */
async function beginFullImport(gmail: GmailMailbox, row: ConnectionRow, stale: boolean): Promise<ConnectionRow> {
  const profile = await gmail.profile();
  await withSystemDb("gmail-sync:begin-import", async (tx) => {
    const moved = await tx.execute(sql`
      update public.google_connections
         set history_id = null, sync_page_token = null, full_sync_history_id = ${profile.historyId},
             full_sync_requested_at = null,
             stale_history_resyncs = stale_history_resyncs + ${stale ? 1 : 0}, updated_at = now()
       where id = ${row.id}
         and history_id is not distinct from ${row.history_id}
         and sync_page_token is not distinct from ${row.sync_page_token}
       returning id`);
    if (resultRows(moved).length === 0) throw new CursorMovedError();
  });
  return reread(row.id);
}

async function fullImport(gmail: GmailMailbox, start: ConnectionRow, context: MatchContext, run: Run) {
  let row = start;
  const since = Math.floor((Date.now() - env.GMAIL_INITIAL_SYNC_DAYS * 86_400_000) / 1000);
  for (;;) {
    await run.heartbeat();
    const page = await gmail.listMessages({ query: `after:${since}`, pageToken: row.sync_page_token });
    const batch = await matchMessages(
      gmail,
      page.ids.map((entry) => entry.id),
      context,
    );
    const from = cursorOf(row);
    const to: Cursor = page.nextPageToken
      ? { ...from, pageToken: page.nextPageToken }
      : { historyId: row.full_sync_history_id, pageToken: null, fullSyncHistoryId: null };
    await withSystemDb("gmail-sync:store", (tx) =>
      storeBatch(tx, { id: row.id, userId: row.user_id }, batch, from, to),
    );
    row = {
      ...row,
      history_id: to.historyId,
      sync_page_token: to.pageToken,
      full_sync_history_id: to.fullSyncHistoryId,
    };
    if (!page.nextPageToken) return row;
  }
}

async function incremental(gmail: GmailMailbox, start: ConnectionRow, context: MatchContext, run: Run) {
  let row = start;
  const historyId = row.history_id;
  if (historyId === null) return row;
  for (;;) {
    await run.heartbeat();
    const page = await gmail.listHistory({ startHistoryId: historyId, pageToken: row.sync_page_token });
    const batch = await matchMessages(gmail, [...page.added, ...page.relabelled], context);
    batch.removed.push(...page.deleted);
    const from = cursorOf(row);
    const to: Cursor = page.nextPageToken
      ? { ...from, pageToken: page.nextPageToken }
      : { historyId: page.historyId ?? historyId, pageToken: null, fullSyncHistoryId: null };
    await withSystemDb("gmail-sync:store", (tx) =>
      storeBatch(tx, { id: row.id, userId: row.user_id }, batch, from, to),
    );
    row = { ...row, history_id: to.historyId, sync_page_token: to.pageToken };
    if (!page.nextPageToken) return row;
  }
}
