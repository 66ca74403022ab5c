import { sql } from "drizzle-orm";
import type { DbExecutor } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import type { enqueueJob } from "@/server/jobs/queue";

export const GMAIL_SYNC_JOB = "google.gmail-sync";

/** Whether a sync of this connection is waiting to run. */
export async function gmailSyncQueued(db: DbExecutor, connectionId: string): Promise<boolean> {
  const rows = await db.execute(sql`
    select 1 from app_private.jobs
     where kind = ${GMAIL_SYNC_JOB} and status in ('queued', 'running') and payload ->> 'connectionId' = ${connectionId}
     limit 1`);
  return resultRows(rows).length > 0;
}

/**
 * Queues a sync of the connection (`enqueue` is `enqueueJob`, passed in so job handlers can call this
 * without importing the queue) unless one is already waiting (a running one may have read its
 * cursor before the change that prompted this, so it does not count). Two runs of one connection at
 * once are harmless: the cursor moves by compare-and-set, so the slower run stops at its next page.
 */
export async function enqueueGmailSync(
  db: DbExecutor,
  enqueue: typeof enqueueJob,
  userId: string,
  connectionId: string,
): Promise<void> {
  const waiting = await db.execute(sql`
    select 1 from app_private.jobs
     where kind = ${GMAIL_SYNC_JOB} and status = 'queued' and payload ->> 'connectionId' = ${connectionId}
     limit 1`);
  if (resultRows(waiting).length > 0) return;
  await enqueue(db, GMAIL_SYNC_JOB, { connectionId }, { userId });
}
