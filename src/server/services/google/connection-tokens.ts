import { sql } from "drizzle-orm";
import { withSystemDb } from "@/server/db";
import { decryptColumnValue, ENCRYPTED_COLUMNS, encryptColumnValue } from "@/server/crypto";
import {
  createOAuthClient,
  GoogleError,
  type GoogleAuthClient,
  isGoogleError,
  refreshTokens,
  type GoogleRetryPolicy,
  type GoogleSettings,
} from "@/server/google";
import { setConnectionStatus, type ConnectionRow } from "./connection-row";

/** Refresh this long before Google's expiry, so a token never lapses mid-page. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

export const RECONNECT_REASON =
  "Google no longer accepts this connection (access was revoked or the password changed). Reconnect Google.";

/**
 * An OAuth client holding a live access token for the connection: the stored one while it has more
 * than five minutes left, else a refreshed one, saved encrypted before it is used. `invalid_grant`
 * moves the connection to needs_reconnect at once and throws a `grant_revoked` GoogleError, which the
 * sync treats as final (no retries). Tokens never reach a log line: errors carry status and reason only.
 */
export async function authorisedClient(
  settings: GoogleSettings,
  row: ConnectionRow,
  retry?: GoogleRetryPolicy,
): Promise<GoogleAuthClient> {
  const client = createOAuthClient(settings, undefined, retry);
  const expiresAt = row.token_expires_at ? Date.parse(row.token_expires_at) : 0;
  if (row.access_token_enc && expiresAt - Date.now() > REFRESH_MARGIN_MS) {
    const accessToken = decryptColumnValue(ENCRYPTED_COLUMNS.googleAccessToken, row.id, row.access_token_enc);
    client.setCredentials({ access_token: accessToken, expiry_date: expiresAt });
    return client;
  }
  if (!row.refresh_token_enc) {
    await withSystemDb("google:needs-reconnect", (tx) =>
      setConnectionStatus(tx, row.id, "needs_reconnect", RECONNECT_REASON),
    );
    throw new GoogleError("grant_revoked", null, "no_refresh_token");
  }
  const refreshToken = decryptColumnValue(ENCRYPTED_COLUMNS.googleRefreshToken, row.id, row.refresh_token_enc);
  let tokens;
  try {
    tokens = await refreshTokens(createOAuthClient(settings, undefined, retry), refreshToken);
  } catch (error) {
    if (isGoogleError(error, "grant_revoked"))
      await withSystemDb("google:needs-reconnect", (tx) =>
        setConnectionStatus(tx, row.id, "needs_reconnect", RECONNECT_REASON),
      );
    throw error;
  }
  await withSystemDb("google:save-token", (tx) =>
    tx.execute(sql`
      update public.google_connections
         set access_token_enc = ${encryptColumnValue(ENCRYPTED_COLUMNS.googleAccessToken, row.id, tokens.accessToken)},
             refresh_token_enc = ${encryptColumnValue(ENCRYPTED_COLUMNS.googleRefreshToken, row.id, tokens.refreshToken ?? refreshToken)},
             token_expires_at = ${tokens.expiresAt.toISOString()},
             updated_at = now()
       where id = ${row.id}`),
  );
  client.setCredentials({ access_token: tokens.accessToken, expiry_date: tokens.expiresAt.getTime() });
  return client;
}
