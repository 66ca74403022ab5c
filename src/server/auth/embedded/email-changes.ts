import { sql } from "drizzle-orm";
import { withSystemDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { AppError } from "@/server/errors";
import type { ConfirmedEmailChange, PendingEmailChange } from "../adapter";
import { EMAIL_CHANGE_LINK_HOURS } from "../email-change-link";
import { invalidEmailChangeLink } from "../errors";
import { isUniqueViolation } from "./accounts";
import { hashToken, newToken } from "./tokens";

/** A new pending change, or none because the address already belongs to an account (then nothing was written). */
export type IssuedEmailChange = { issued: true; token: string } | { issued: false };

/**
 * Starts a change of the user's email to `newEmail` (normalised): any pending change of the account is
 * withdrawn and a new token's hash is stored, in one transaction. Only the token goes back; it is mailed
 * to the new address and the email changes when it is spent.
 */
export async function issueEmailChange(userId: string, newEmail: string): Promise<IssuedEmailChange> {
  const token = newToken();
  return withSystemDb("auth:issue-email-change", async (tx) => {
    const taken = resultRows(await tx.execute(sql`select 1 from auth.users where email = ${newEmail}`));
    if (taken.length > 0) return { issued: false };
    await tx.execute(sql`
      update app_private.email_changes set cancelled_at = now()
       where user_id = ${userId} and used_at is null and cancelled_at is null`);
    await tx.execute(sql`
      insert into app_private.email_changes (token_hash, user_id, new_email, expires_at)
      values (${hashToken(token)}, ${userId}, ${newEmail}, now() + make_interval(hours => ${EMAIL_CHANGE_LINK_HOURS}::int))`);
    return { issued: true, token };
  });
}

export async function findPendingEmailChange(userId: string): Promise<PendingEmailChange | null> {
  const [row] = await withSystemDb("auth:pending-email-change", async (tx) =>
    resultRows<{ new_email: string; created_at: string }>(
      await tx.execute(sql`
        select new_email, created_at from app_private.email_changes
         where user_id = ${userId} and used_at is null and cancelled_at is null and expires_at > now()
         order by created_at desc limit 1`),
    ),
  );
  return row ? { newEmail: row.new_email, requestedAt: new Date(row.created_at).toISOString() } : null;
}

export async function withdrawEmailChanges(userId: string): Promise<void> {
  await withSystemDb("auth:cancel-email-change", (tx) =>
    tx.execute(sql`
      update app_private.email_changes set cancelled_at = now()
       where user_id = ${userId} and used_at is null and cancelled_at is null`),
  );
}

function addressTaken(): AppError {
  return new AppError("conflict", "That address now belongs to another account. The email was not changed.");
}

/**
 * Spends a confirmation token and changes the account's email in one transaction: the token works once,
 * every other pending change of the account dies with it. Unknown, used, withdrawn and expired tokens
 * change nothing.
 */
export async function spendEmailChange(token: string): Promise<ConfirmedEmailChange> {
  try {
    return await withSystemDb("auth:spend-email-change", async (tx) => {
      const [spent] = resultRows<{ user_id: string; new_email: string }>(
        await tx.execute(sql`
          update app_private.email_changes set used_at = now()
           where token_hash = ${hashToken(token)}
             and used_at is null and cancelled_at is null and expires_at > now()
          returning user_id, new_email`),
      );
      if (!spent) throw invalidEmailChangeLink();
      const [account] = resultRows<{ email: string }>(
        await tx.execute(sql`select email from auth.users where id = ${spent.user_id} for update`),
      );
      if (!account) throw invalidEmailChangeLink();
      await tx.execute(sql`update auth.users set email = ${spent.new_email} where id = ${spent.user_id}`);
      await tx.execute(sql`
        update app_private.email_changes set cancelled_at = now()
         where user_id = ${spent.user_id} and used_at is null and cancelled_at is null`);
      return { id: spent.user_id, previousEmail: account.email, email: spent.new_email };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw addressTaken();
    throw error;
  }
}
