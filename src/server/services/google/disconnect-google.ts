import { sql } from "drizzle-orm";
import { withSystemDb, withUserDb } from "@/server/db";
import { decryptColumnValue, ENCRYPTED_COLUMNS } from "@/server/crypto";
import { AppError } from "@/server/errors";
import { createOAuthClient, googleSettings, isGoogleError, revokeToken } from "@/server/google";
import { recordAuditEvent } from "@/server/services/audit";
import { readConnection } from "./connection-row";

/**
 * `DELETE /api/integrations/google`: revokes the grant at Google, then deletes the connection, its
 * tokens and the mail imported through it (the mail stays in Gmail). When Google cannot be reached
 * nothing is deleted (503), so a connection is never forgotten here while still live at Google; a
 * grant Google already dropped counts as revoked.
 */
export async function disconnectGoogle(userId: string): Promise<void> {
  const row = await withSystemDb("google:disconnect-read", (tx) => readConnection(tx, { userId }));
  if (!row) throw AppError.notFound("Google connection");
  const settings = googleSettings();
  const token = row.refresh_token_enc
    ? decryptColumnValue(ENCRYPTED_COLUMNS.googleRefreshToken, row.id, row.refresh_token_enc)
    : row.access_token_enc
      ? decryptColumnValue(ENCRYPTED_COLUMNS.googleAccessToken, row.id, row.access_token_enc)
      : null;
  if (settings && token) {
    try {
      await revokeToken(createOAuthClient(settings), token);
    } catch (error) {
      if (!isGoogleError(error, "grant_revoked"))
        throw new AppError("unavailable", "Google could not be reached to revoke access. Try again in a moment.", {
          cause: error,
        });
    }
  }
  await withUserDb(userId, async (tx) => {
    await tx.execute(sql`delete from public.google_connections where id = ${row.id} and user_id = ${userId}`);
    await recordAuditEvent(tx, {
      userId,
      action: "integration.google_disconnected",
      target: { type: "integration", id: row.id },
    });
  });
}
