import { sql } from "drizzle-orm";
import { withSystemDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import type { AccountSession } from "../adapter";
import { accountSessionOf, type SessionRow } from "../session-row";

/**
 * GoTrue has no API that lists a user's sessions or signs out one of them by id, so both go to its
 * tables through the privileged database path: auth.sessions (one row per signed-in device; GoTrue
 * records the caller's address and user agent on it) and the refresh tokens that cascade from it.
 */
export async function listSupabaseSessions(userId: string, currentId: string | null): Promise<AccountSession[]> {
  const rows = await withSystemDb("auth:list-sessions", async (tx) =>
    resultRows<SessionRow>(
      await tx.execute(sql`
        select id, created_at, coalesce(updated_at, created_at) as last_seen_at, host(ip) as ip, user_agent,
               id = ${currentId}::uuid as current
          from auth.sessions
         where user_id = ${userId} and (not_after is null or not_after > now())
         order by coalesce(updated_at, created_at) desc, created_at desc`),
    ),
  );
  return rows.map(accountSessionOf);
}

/** Deletes one session of this user (its refresh tokens cascade); false when the user has no such session. */
export async function deleteSupabaseSession(userId: string, sessionId: string): Promise<boolean> {
  const deleted = await withSystemDb("auth:close-session-by-id", async (tx) =>
    resultRows(
      await tx.execute(
        sql`delete from auth.sessions where id = ${sessionId}::uuid and user_id = ${userId} returning 1`,
      ),
    ),
  );
  return deleted.length > 0;
}
