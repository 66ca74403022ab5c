import { enqueueJobInUserTransaction } from "@/server/jobs/queue";
import type { DbTransaction } from "@/server/db";

export const NEXT_OCCURRENCE_JOB = "tasks.create-next-occurrence";

/**
 * Asks the job system for the next occurrence of a recurring task just completed or skipped, in the same
 * transaction. The key is the task's id: asking twice (completed, reopened, completed again) adds no job.
 */
export async function requestNextOccurrence(tx: DbTransaction, userId: string, taskIds: readonly string[]) {
  for (const taskId of taskIds)
    await enqueueJobInUserTransaction(tx, NEXT_OCCURRENCE_JOB, { taskId }, { userId, key: `next:${taskId}` });
}
