import { sql } from "drizzle-orm";
import type { DbExecutor } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";

/** Deletes sessions past their absolute expiry, and reset and email-change tokens that expired or were spent a day ago. */
export async function pruneExpiredAuth(
  db: DbExecutor,
): Promise<{ sessions: number; passwordResets: number; emailChanges: number }> {
  const sessions = await db.execute(sql`delete from app_private.sessions where expires_at < now() returning 1`);
  const resets = await db.execute(
    sql`delete from app_private.password_resets
         where expires_at < now() - interval '1 day' or used_at < now() - interval '1 day' returning 1`,
  );
  const emailChanges = await db.execute(
    sql`delete from app_private.email_changes
         where expires_at < now() - interval '1 day' or used_at < now() - interval '1 day'
            or cancelled_at < now() - interval '1 day' returning 1`,
  );
  return {
    sessions: resultRows(sessions).length,
    passwordResets: resultRows(resets).length,
    emailChanges: resultRows(emailChanges).length,
  };
}
