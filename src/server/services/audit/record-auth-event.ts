import { sql } from "drizzle-orm";
import type { AuditAction, AuditMetadata } from "@/lib/contracts/audit";
import { withSystemDb, withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { isAppError } from "@/server/errors";
import { recordAuditEvent } from "./record-audit-event";

type AuthAction = Extract<AuditAction, `auth.${string}`>;

/**
 * Records a sign-in, sign-out or password reset of a known account. The session itself lives with
 * the auth provider (Supabase, or the embedded adapter's own transaction), so this is the write
 * that follows it, under the account's row level security.
 */
export async function recordAuthEvent(userId: string, action: AuthAction, metadata: AuditMetadata = {}): Promise<void> {
  await withUserDb(userId, (tx) => recordAuditEvent(tx, { userId, action, metadata }));
}

/**
 * Records a refused sign-in. An email with an account files the event under that account (so its
 * owner sees the attempt); an unknown one is filed under no account. Neither the email nor the
 * password is stored: only why it was refused (the error code).
 */
export async function recordSignInFailure(email: string, error: unknown): Promise<void> {
  const reason = isAppError(error) ? error.code : "internal";
  await withSystemDb("audit:sign-in-failed", async (tx) => {
    const [account] = resultRows<{ id: string }>(
      // Emails are stored lowercased by both adapters, so the unique index answers this.
      await tx.execute(sql`select id from auth.users where email = ${email.toLowerCase()} limit 1`),
    );
    await recordAuditEvent(tx, {
      userId: account?.id ?? null,
      action: "auth.sign_in.failed",
      metadata: { reason },
    });
  });
}
