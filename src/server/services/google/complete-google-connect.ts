import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import type { GoogleCallbackOutcome } from "@/lib/contracts/google";
import { withSystemDb } from "@/server/db";
import { ENCRYPTED_COLUMNS, encryptColumnValue } from "@/server/crypto";
import {
  createOAuthClient,
  exchangeCode,
  fetchGoogleAccount,
  GMAIL_READONLY_SCOPE,
  googleSettings,
  isGoogleError,
} from "@/server/google";
import { enqueueJob } from "@/server/jobs/queue";
import { log } from "@/server/observability/logger";
import { recordAuditEvent } from "@/server/services/audit";
import { enqueueGmailSync } from "./enqueue-gmail-sync";
import { readConnection } from "./connection-row";
import { integrationsPage } from "./google-paths";
import { NO_GMAIL_REASON } from "./no-gmail-reason";
import { spendOAuthState } from "./oauth-state";

export interface GoogleCallback {
  state?: string | undefined;
  code?: string | undefined;
  error?: string | undefined;
}

/**
 * `GET /api/integrations/google/callback`: spends the state (this user, this session, once, within
 * ten minutes), exchanges the code with its PKCE verifier and stores the tokens encrypted from the
 * first write. Reconnecting the same Google account keeps the connection, its mail and its sync
 * position; connecting a different account replaces the connection (its imported mail goes with it).
 * Returns where to send the browser.
 */
export async function completeGoogleConnect(
  user: { id: string; sessionKey?: string | undefined },
  callback: GoogleCallback,
  origin: string,
): Promise<string> {
  const outcome = await connect(user, callback);
  return integrationsPage(origin, outcome);
}

async function connect(user: { id: string; sessionKey?: string | undefined }, callback: GoogleCallback) {
  const settings = googleSettings();
  if (!settings) return "unconfigured" satisfies GoogleCallbackOutcome;
  if (!callback.state || !user.sessionKey) return "expired";
  const sessionKey = user.sessionKey;
  const state = callback.state;
  const spent = await withSystemDb("google:spend-state", (tx) =>
    spendOAuthState(tx, { state, userId: user.id, sessionKey }),
  );
  if (!spent) return "expired";
  if (callback.error || !callback.code) return "denied";

  let tokens;
  let account;
  try {
    tokens = await exchangeCode(createOAuthClient(settings, spent.redirectUri), callback.code, spent.codeVerifier);
    account = await fetchGoogleAccount(createOAuthClient(settings), settings, tokens.accessToken);
  } catch (error) {
    log().warn(
      { userId: user.id, google: isGoogleError(error) ? error.message : "unexpected" },
      "google connect failed",
    );
    return "failed";
  }
  const gmailGranted = tokens.scopes.includes(GMAIL_READONLY_SCOPE);
  const granted = tokens;
  const googleEmail = account.email;

  await withSystemDb("google:save-connection", async (tx) => {
    let existing = await readConnection(tx, { userId: user.id });
    if (existing && existing.google_email !== googleEmail) {
      await tx.execute(sql`delete from public.google_connections where id = ${existing.id}`);
      existing = null;
    }
    const id = existing?.id ?? crypto.randomUUID();
    const accessEnc = encryptColumnValue(ENCRYPTED_COLUMNS.googleAccessToken, id, granted.accessToken);
    // Google may leave the refresh token out on a re-consent: the one already stored stays valid then.
    const refreshEnc = granted.refreshToken
      ? encryptColumnValue(ENCRYPTED_COLUMNS.googleRefreshToken, id, granted.refreshToken)
      : (existing?.refresh_token_enc ?? null);
    const status = gmailGranted ? "connected" : "needs_reconnect";
    const reason = gmailGranted ? null : NO_GMAIL_REASON;
    await tx.execute(sql`
      insert into public.google_connections
        (id, user_id, google_email, scopes, access_token_enc, refresh_token_enc, token_expires_at, status, status_reason)
      values (${id}, ${user.id}, ${googleEmail}, array(select jsonb_array_elements_text(${JSON.stringify(granted.scopes)}::jsonb)), ${accessEnc}, ${refreshEnc},
              ${granted.expiresAt.toISOString()}, ${status}, ${reason})
      on conflict (id) do update
         set scopes = excluded.scopes, access_token_enc = excluded.access_token_enc,
             refresh_token_enc = excluded.refresh_token_enc, token_expires_at = excluded.token_expires_at,
             status = excluded.status, status_reason = excluded.status_reason, updated_at = now()`);
    await recordAuditEvent(tx, {
      userId: user.id,
      action: "integration.google_connected",
      target: { type: "integration", id },
      metadata: { gmailGranted, reconnected: existing !== null },
    });
    if (gmailGranted) await enqueueGmailSync(tx, enqueueJob, user.id, id);
  });
  return gmailGranted ? "connected" : "no_gmail";
}
