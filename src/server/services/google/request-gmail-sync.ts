import { sql } from "drizzle-orm";
import type { GoogleSyncInput } from "@/lib/contracts/google";
import { withSystemDb, withUserDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { enqueueJob } from "@/server/jobs/queue";
import { recordAuditEvent } from "@/server/services/audit";
import { readConnectionPublic } from "./connection-row";
import { enqueueGmailSync } from "./enqueue-gmail-sync";

/**
 * `POST /api/integrations/google/sync`: "Sync now" queues a sync; `{ full: true }` ("Resync from
 * scratch") makes the next run import the whole window again (stored mail is kept and matched by
 * its Gmail id, so nothing is duplicated). A connection that needs reconnecting is refused: only
 * reconnecting can help it.
 */
export async function requestGmailSync(userId: string, input: GoogleSyncInput): Promise<{ queued: true }> {
  const row = await withUserDb(userId, (tx) => readConnectionPublic(tx, userId));
  if (!row) throw AppError.notFound("Google connection");
  if (row.status === "needs_reconnect")
    throw new AppError("conflict", "Google needs to be reconnected before it can sync");
  await withSystemDb("google:request-sync", async (tx) => {
    if (input.full) {
      await tx.execute(sql`
        update public.google_connections set full_sync_requested_at = now(), updated_at = now()
         where id = ${row.id} and user_id = ${userId}`);
      await recordAuditEvent(tx, {
        userId,
        action: "integration.google_resync_requested",
        target: { type: "integration", id: row.id },
      });
    }
    await enqueueGmailSync(tx, enqueueJob, userId, row.id);
  });
  return { queued: true };
}
