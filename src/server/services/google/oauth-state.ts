import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import type { DbExecutor } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";

/** How long a Connect Google round trip may take, from the click to Google's redirect back. */
export const OAUTH_STATE_TTL_MINUTES = 10;

export const sha256Hex = (value: string) => crypto.createHash("sha256").update(value, "utf8").digest("hex");

/** Saves a round trip bound to the signed-in session; returns the opaque state for Google. */
export async function saveOAuthState(
  db: DbExecutor,
  input: { userId: string; sessionKey: string; codeVerifier: string; redirectUri: string },
): Promise<string> {
  const state = crypto.randomBytes(32).toString("base64url");
  await db.execute(
    sql`delete from app_private.google_oauth_states where user_id = ${input.userId} and expires_at < now()`,
  );
  await db.execute(sql`
    insert into app_private.google_oauth_states (state_hash, user_id, session_hash, code_verifier, redirect_uri, expires_at)
    values (${sha256Hex(state)}, ${input.userId}, ${sha256Hex(input.sessionKey)}, ${input.codeVerifier},
            ${input.redirectUri}, now() + make_interval(mins => ${OAUTH_STATE_TTL_MINUTES}))`);
  return state;
}

/**
 * Spends a state: only the user and session that started it, within its lifetime, and only once
 * (the row is deleted whatever the outcome). Null otherwise — a state from another session, another
 * account, an old tab or an attacker's link all look the same.
 */
export async function spendOAuthState(
  db: DbExecutor,
  input: { state: string; userId: string; sessionKey: string },
): Promise<{ codeVerifier: string; redirectUri: string } | null> {
  const rows = await db.execute(sql`
    delete from app_private.google_oauth_states
     where state_hash = ${sha256Hex(input.state)}
     returning user_id, session_hash, code_verifier, redirect_uri, expires_at > now() as live`);
  const row = resultRows<{
    user_id: string;
    session_hash: string;
    code_verifier: string;
    redirect_uri: string;
    live: boolean;
  }>(rows)[0];
  if (!row || !row.live || row.user_id !== input.userId || row.session_hash !== sha256Hex(input.sessionKey))
    return null;
  return { codeVerifier: row.code_verifier, redirectUri: row.redirect_uri };
}
