import { sql } from "drizzle-orm";
import type { DbTransaction } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import type { enqueueJob } from "@/server/jobs/queue";
import { enqueueGmailSync } from "@/server/services/google/enqueue-gmail-sync";

/**
 * The recurring `google.gmail-sync-due` job: queues a sync of every connection that can sync
 * (connected or failing; needs_reconnect waits for the practitioner), one job per connection.
 */
export async function scheduleGmailSyncs(db: DbTransaction, enqueue: typeof enqueueJob): Promise<number> {
  const rows = resultRows<{ id: string; user_id: string }>(
    await db.execute(sql`select id, user_id from public.google_connections where status <> 'needs_reconnect'`),
  );
  for (const row of rows) await enqueueGmailSync(db, enqueue, row.user_id, row.id);
  return rows.length;
}
