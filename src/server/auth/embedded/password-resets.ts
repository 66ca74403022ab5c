import { sql } from "drizzle-orm";
import { withSystemDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { RESET_LINK_MINUTES } from "../reset-link";
import { hashToken, newToken } from "./tokens";

export async function issuePasswordReset(userId: string): Promise<string> {
  const token = newToken();
  await withSystemDb("auth:issue-password-reset", (tx) =>
    tx.execute(sql`
      insert into app_private.password_resets (token_hash, user_id, expires_at)
      values (${hashToken(token)}, ${userId}, now() + make_interval(mins => ${RESET_LINK_MINUTES}::int))`),
  );
  return token;
}

/**
 * Spends a reset token and sets the new password in one transaction: the token works once, every
 * other reset link of the account dies with it, and every session is signed out.
 * Returns the account's user id, or null when the token is unknown, used or expired.
 */
export async function spendPasswordReset(token: string, passwordHash: string): Promise<string | null> {
  return withSystemDb("auth:spend-password-reset", async (tx) => {
    const [spent] = resultRows<{ user_id: string }>(
      await tx.execute(sql`
        update app_private.password_resets set used_at = now()
         where token_hash = ${hashToken(token)} and used_at is null and expires_at > now()
        returning user_id`),
    );
    if (!spent) return null;
    const userId = spent.user_id;
    await tx.execute(sql`
      update app_private.password_resets set used_at = now() where user_id = ${userId} and used_at is null`);
    await tx.execute(sql`
      update app_private.local_credentials set password_hash = ${passwordHash}, updated_at = now()
       where user_id = ${userId}`);
    await tx.execute(sql`delete from app_private.sessions where user_id = ${userId}`);
    return userId;
  });
}
