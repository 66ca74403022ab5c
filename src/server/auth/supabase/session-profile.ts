import { sql } from "drizzle-orm";
import { withSystemDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";

/**
 * In one round trip: the profile's display name (falling back to the email's local part) and whether
 * GoTrue still has the token's session in auth.sessions. An access token stays valid until it expires,
 * so a session signed out from another device (its row deleted) must be refused here, not an hour later.
 */
export async function sessionProfile(
  userId: string,
  sessionId: string | null,
  email: string,
): Promise<{ displayName: string; live: boolean }> {
  const [row] = await withSystemDb("auth:session", async (tx) =>
    resultRows<{ display_name: string | null; live: boolean }>(
      await tx.execute(sql`
        select (select display_name from public.profiles where user_id = ${userId}) as display_name,
               exists (select 1 from auth.sessions
                        where id = ${sessionId}::uuid and user_id = ${userId}
                          and (not_after is null or not_after > now())) as live`),
    ),
  );
  return { displayName: row?.display_name ?? email.split("@")[0] ?? email, live: row?.live === true };
}
