import { sql } from "drizzle-orm";
import { withSystemDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import type { AccountIdentity } from "../adapter";
import { RESET_LINK_MINUTES } from "../reset-link";
import { hashToken, newToken } from "./tokens";

/**
 * Issues a reset token for the account with this (normalised) email, in one statement that finds
 * the account and stores the token's hash: a token is made and hashed and one statement runs whether
 * or not the account exists. Returns the token and the account's email, or null when there is none.
 */
export async function issuePasswordResetFor(email: string): Promise<{ token: string; email: string } | null> {
  const token = newToken();
  const [issued] = await withSystemDb("auth:issue-password-reset", async (tx) =>
    resultRows<{ email: string }>(
      await tx.execute(sql`
        with account as (
          select u.id, u.email
            from auth.users u join app_private.local_credentials c on c.user_id = u.id
           where u.email = ${email}
        ), issued as (
          insert into app_private.password_resets (token_hash, user_id, expires_at)
          select ${hashToken(token)}, account.id, now() + make_interval(mins => ${RESET_LINK_MINUTES}::int)
            from account
          returning user_id
        )
        select account.email from issued join account on account.id = issued.user_id`),
    ),
  );
  return issued ? { token, email: issued.email } : null;
}

/** Whether the token is one that can still be spent (unknown, used and expired tokens are not). */
export async function isLivePasswordReset(token: string): Promise<boolean> {
  const rows = await withSystemDb("auth:check-password-reset", async (tx) =>
    resultRows<{ live: boolean }>(
      await tx.execute(sql`
        select true as live from app_private.password_resets
         where token_hash = ${hashToken(token)} and used_at is null and expires_at > now()`),
    ),
  );
  return rows.length > 0;
}

/**
 * Spends a reset token and sets the new password in one transaction: the token works once, every
 * other reset link of the account dies with it, and every session is signed out.
 * Returns the account, or null when the token is unknown, used or expired.
 */
export async function spendPasswordReset(token: string, passwordHash: string): Promise<AccountIdentity | null> {
  return withSystemDb("auth:spend-password-reset", async (tx) => {
    const [spent] = resultRows<{ user_id: string; email: string }>(
      await tx.execute(sql`
        update app_private.password_resets r set used_at = now()
          from auth.users u
         where r.token_hash = ${hashToken(token)} and r.used_at is null and r.expires_at > now() and u.id = r.user_id
        returning r.user_id, u.email`),
    );
    if (!spent) return null;
    const userId = spent.user_id;
    await tx.execute(sql`
      update app_private.password_resets set used_at = now() where user_id = ${userId} and used_at is null`);
    await tx.execute(sql`
      update app_private.local_credentials set password_hash = ${passwordHash}, updated_at = now()
       where user_id = ${userId}`);
    await tx.execute(sql`delete from app_private.sessions where user_id = ${userId}`);
    return { id: userId, email: spent.email };
  });
}
