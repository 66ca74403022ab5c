import { sql } from "drizzle-orm";
import { env } from "@/server/config/env";
import { getDatabase, withSystemDb } from "@/server/db";
import { clientListVersionSql } from "@/server/db/client-list-version";
import { resultRows } from "@/server/db/result-rows";
import type { AccountSession } from "../adapter";
import { accountSessionOf, type SessionRow } from "../session-row";
import type { SessionUser } from "../session-user";
import { countLookup, cachedSession, forgetSession, forgetSessionsOf, rememberSession } from "./session-cache";
import { hashToken, newSessionToken, type SessionTransport } from "./tokens";

export interface SessionClient {
  ip: string | null;
  userAgent: string;
}

interface SessionUserRow {
  id: string;
  email: string;
  display_name: string;
  expires_at_ms: number;
  client_list_version: string;
}

/** Opens a session for the user; returns the opaque token (only its hash is stored). */
export async function openSession(userId: string, client: SessionClient, transport: SessionTransport): Promise<string> {
  const token = newSessionToken(transport);
  await withSystemDb("auth:open-session", async (tx) => {
    // Sweep this user's dead sessions while we are here; the maintenance job prunes the rest.
    await tx.execute(sql`
      delete from app_private.sessions
       where user_id = ${userId}
         and (expires_at <= now() or last_seen_at <= now() - make_interval(mins => ${env.SESSION_IDLE_MINUTES}::int))`);
    await tx.execute(sql`
      insert into app_private.sessions (user_id, token_hash, expires_at, ip, user_agent)
      values (${userId}, ${hashToken(token)}, now() + make_interval(hours => ${env.SESSION_ABSOLUTE_HOURS}::int),
              ${client.ip}::inet, ${client.userAgent.slice(0, 512)})`);
  });
  return token;
}

/**
 * The user behind a live session token, in one indexed statement: expired or idle sessions match
 * nothing, and `last_seen_at` is written at most once a minute so reads stay reads. It runs on its
 * own, outside withSystemDb: one statement is its own transaction, and without parameters (the hash
 * goes in as hex, the idle limit as an integer) postgres.js sends it in a single round trip, where a
 * transaction costs four. Every signed-in request on Postgres pays for this lookup, so it also
 * reads the user's clients-list version (a primary-key lookup), which the clients list would
 * otherwise read in a round trip of its own.
 */
async function querySessionUser(tokenHash: Buffer): Promise<SessionUserRow | undefined> {
  const idleMinutes = env.SESSION_IDLE_MINUTES;
  if (!Number.isInteger(idleMinutes)) throw new Error("SESSION_IDLE_MINUTES must be an integer");
  const { sql: client } = await getDatabase();
  const rows = await client.query<SessionUserRow>(`
    with live as (
      select s.id, s.user_id, s.last_seen_at, s.expires_at
        from app_private.sessions s
       where s.token_hash = decode('${tokenHash.toString("hex")}', 'hex')
         and s.expires_at > now()
         and s.last_seen_at > now() - make_interval(mins => ${idleMinutes})
    ), touched as (
      update app_private.sessions set last_seen_at = now()
       where id in (select id from live where last_seen_at < now() - interval '1 minute')
    )
    select u.id, u.email, coalesce(p.display_name, split_part(u.email, '@', 1)) as display_name,
           (extract(epoch from live.expires_at) * 1000)::float8 as expires_at_ms,
           ${clientListVersionSql("live.user_id")} as client_list_version
      from live
      join auth.users u on u.id = live.user_id
      left join public.profiles p on p.user_id = live.user_id`);
  return rows[0];
}

/**
 * Resolves a session token. With the embedded database (in this process, so its per-query cost is
 * paid on the request path) a confirmed session is trusted for a minute; sign-outs forget it at once.
 */
export async function findSessionUser(token: string): Promise<SessionUser | null> {
  const tokenHash = hashToken(token);
  const key = tokenHash.toString("base64url");
  const inProcess = (await getDatabase()).kind === "pglite";
  const cached = inProcess ? cachedSession(key) : undefined;
  if (cached) {
    countLookup("cache");
    return cached;
  }
  countLookup("database");
  const row = await querySessionUser(tokenHash);
  if (!row) return null;
  const user = { id: row.id, email: row.email, displayName: row.display_name, sessionKey: key };
  if (inProcess) rememberSession(key, user, row.expires_at_ms);
  return { ...user, clientListVersion: row.client_list_version };
}

// Forget after the delete, so a lookup racing the sign-out cannot cache the session again.
export async function closeSession(token: string): Promise<void> {
  await withSystemDb("auth:close-session", (tx) =>
    tx.execute(sql`delete from app_private.sessions where token_hash = ${hashToken(token)}`),
  );
  forgetSession(hashToken(token).toString("base64url"));
}

export async function closeAllSessions(userId: string): Promise<void> {
  await withSystemDb("auth:close-all-sessions", (tx) =>
    tx.execute(sql`delete from app_private.sessions where user_id = ${userId}`),
  );
  forgetSessionsOf(userId);
}

/** The user's live sessions (expired and idle ones are not), newest activity first; `currentToken` marks the caller's. */
export async function listUserSessions(userId: string, currentToken: string | undefined): Promise<AccountSession[]> {
  const current = currentToken ? hashToken(currentToken) : Buffer.alloc(0);
  const rows = await withSystemDb("auth:list-sessions", async (tx) =>
    resultRows<SessionRow>(
      await tx.execute(sql`
        select id, created_at, last_seen_at, host(ip) as ip, user_agent, token_hash = ${current} as current
          from app_private.sessions
         where user_id = ${userId}
           and expires_at > now()
           and last_seen_at > now() - make_interval(mins => ${env.SESSION_IDLE_MINUTES}::int)
         order by last_seen_at desc, created_at desc`),
    ),
  );
  return rows.map(accountSessionOf);
}

/** Closes one session of this user by its id; false when the user has no such session (another user's included). */
export async function closeUserSession(userId: string, sessionId: string): Promise<boolean> {
  const closed = await withSystemDb("auth:close-session-by-id", async (tx) =>
    resultRows<{ token_hash: Buffer }>(
      await tx.execute(sql`
        delete from app_private.sessions where id = ${sessionId} and user_id = ${userId} returning token_hash`),
    ),
  );
  for (const row of closed) forgetSession(Buffer.from(row.token_hash).toString("base64url"));
  return closed.length > 0;
}

/** Closes every session of the user except the one with this token (all of them when there is none). */
export async function closeOtherSessions(userId: string, keepToken: string | undefined): Promise<void> {
  const keep = keepToken ? hashToken(keepToken) : Buffer.alloc(0);
  await withSystemDb("auth:close-other-sessions", (tx) =>
    tx.execute(sql`delete from app_private.sessions where user_id = ${userId} and token_hash <> ${keep}`),
  );
  forgetSessionsOf(userId);
}
