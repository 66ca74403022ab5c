import { sql } from "drizzle-orm";
import type { DbExecutor } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";

/** Days a succeeded job is kept (its idempotency key deduplicates for as long). */
export const FINISHED_JOB_RETENTION_DAYS = 7;

/** Deletes succeeded jobs finished more than the retention ago; dead jobs wait for an operator. */
export async function pruneFinishedJobs(db: DbExecutor, retentionDays = FINISHED_JOB_RETENTION_DAYS): Promise<number> {
  const rows = await db.execute(sql`
    delete from app_private.jobs
     where status = 'succeeded' and finished_at < now() - make_interval(days => ${retentionDays})
    returning id`);
  return resultRows(rows).length;
}
