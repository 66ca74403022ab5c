import { sql } from "drizzle-orm";
import { withSystemDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";

/**
 * In one round trip: the account's email as GoTrue now has it (an access token keeps the address it was
 * issued with until it is refreshed, so a confirmed email change would show late), the profile's display
 * name (falling back to the email's local part), and whether GoTrue still has the token's session in
 * auth.sessions. An access token stays valid until it expires, so a session signed out from another
 * device (its row deleted) must be refused here, not an hour later.
 */
export async function sessionProfile(
  userId: string,
  sessionId: string | null,
  tokenEmail: string,
): Promise<{ email: string; displayName: string; live: boolean }> {
  const [row] = await withSystemDb("auth:session", async (tx) =>
    resultRows<{ email: string | null; display_name: string | null; live: boolean }>(
      await tx.execute(sql`
        select (select email from auth.users where id = ${userId}) as email,
               (select display_name from public.profiles where user_id = ${userId}) as display_name,
               exists (select 1 from auth.sessions
                        where id = ${sessionId}::uuid and user_id = ${userId}
                          and (not_after is null or not_after > now())) as live`),
    ),
  );
  const email = row?.email ?? tokenEmail;
  return { email, displayName: row?.display_name ?? email.split("@")[0] ?? email, live: row?.live === true };
}
