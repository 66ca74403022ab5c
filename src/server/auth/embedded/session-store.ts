import { sql } from "drizzle-orm";
import { env } from "@/server/config/env";
import { withSystemDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import type { SessionUser } from "../session-user";
import { hashToken, newToken } from "./tokens";

export interface SessionClient {
  ip: string | null;
  userAgent: string;
}

interface SessionUserRow {
  id: string;
  email: string;
  display_name: string;
}

/** Opens a session for the user; returns the opaque token (only its hash is stored). */
export async function openSession(userId: string, client: SessionClient): Promise<string> {
  const token = newToken();
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
 * nothing, and `last_seen_at` is written at most once a minute so reads stay reads.
 */
export async function findSessionUser(token: string): Promise<SessionUser | null> {
  const rows = await withSystemDb("auth:session", async (tx) =>
    resultRows<SessionUserRow>(
      await tx.execute(sql`
        with live as (
          select s.id, s.user_id, s.last_seen_at
            from app_private.sessions s
           where s.token_hash = ${hashToken(token)}
             and s.expires_at > now()
             and s.last_seen_at > now() - make_interval(mins => ${env.SESSION_IDLE_MINUTES}::int)
        ), touched as (
          update app_private.sessions set last_seen_at = now()
           where id in (select id from live where last_seen_at < now() - interval '1 minute')
        )
        select u.id, u.email, coalesce(p.display_name, split_part(u.email, '@', 1)) as display_name
          from live
          join auth.users u on u.id = live.user_id
          left join public.profiles p on p.user_id = live.user_id`),
    ),
  );
  const row = rows[0];
  return row ? { id: row.id, email: row.email, displayName: row.display_name } : null;
}

export async function closeSession(token: string): Promise<void> {
  await withSystemDb("auth:close-session", (tx) =>
    tx.execute(sql`delete from app_private.sessions where token_hash = ${hashToken(token)}`),
  );
}

export async function closeAllSessions(userId: string): Promise<void> {
  await withSystemDb("auth:close-all-sessions", (tx) =>
    tx.execute(sql`delete from app_private.sessions where user_id = ${userId}`),
  );
}
