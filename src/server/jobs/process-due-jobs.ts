import { sql } from "drizzle-orm";
import { withSystemDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { log } from "@/server/observability/logger";
import { claimDueJobs, enqueueJob, markFailed, markSucceeded, requeueStaleJobs, type ClaimedJob } from "./queue";
import { JOB_KINDS, RECURRING_JOBS, type JobKindName } from "./registry";

export interface ProcessSummary {
  scheduled: number;
  claimed: number;
  succeeded: number;
  retried: number;
  failed: number;
}

export interface ProcessOptions {
  batchSize?: number;
  /** Stop claiming new jobs after this many milliseconds (cron invocations have a time budget). */
  budgetMs?: number;
  staleSeconds?: number;
}

/** One pass of the queue: schedule recurring work, then run due jobs until the queue or the budget is empty. */
export async function processDueJobs(options: ProcessOptions = {}): Promise<ProcessSummary> {
  const { batchSize = 10, budgetMs = 20_000, staleSeconds = 600 } = options;
  const deadline = Date.now() + budgetMs;
  const summary: ProcessSummary = {
    scheduled: await scheduleRecurringJobs(),
    claimed: 0,
    succeeded: 0,
    retried: 0,
    failed: 0,
  };
  await withSystemDb("jobs:requeue-stale", (tx) => requeueStaleJobs(tx, staleSeconds));

  while (Date.now() < deadline) {
    const claimed = await withSystemDb("jobs:claim", (tx) => claimDueJobs(tx, batchSize));
    if (claimed.length === 0) break;
    summary.claimed += claimed.length;
    for (const job of claimed) {
      const outcome = await runJob(job);
      summary[outcome] += 1;
    }
  }
  return summary;
}

async function runJob(job: ClaimedJob): Promise<"succeeded" | "retried" | "failed"> {
  const definition = JOB_KINDS[job.kind as JobKindName];
  try {
    if (!definition) throw new Error(`unknown job kind ${job.kind}`);
    const payload = definition.payload.parse(job.payload);
    await withSystemDb(`job:${job.kind}`, async (tx) => {
      await definition.run(payload, { db: tx, jobId: job.id, userId: job.userId });
      await markSucceeded(tx, job.id);
    });
    return "succeeded";
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const outcome = await withSystemDb("jobs:fail", (tx) => markFailed(tx, job, message));
    log().warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, outcome, err: error }, "job failed");
    return outcome;
  }
}

/** Enqueues each recurring job whose interval has passed; the row lock makes it once across instances. */
async function scheduleRecurringJobs(): Promise<number> {
  let scheduled = 0;
  for (const recurring of RECURRING_JOBS) {
    const due = await withSystemDb("jobs:schedule", async (tx) => {
      const claimed = await tx.execute(sql`
        insert into app_private.job_schedules (name, last_run_at) values (${recurring.name}, now())
        on conflict (name) do update set last_run_at = now()
          where app_private.job_schedules.last_run_at <= now() - make_interval(secs => ${recurring.everySeconds})
        returning name`);
      if (resultRows(claimed).length === 0) return false;
      await enqueueJob(tx, recurring.kind, {});
      return true;
    });
    if (due) scheduled += 1;
  }
  return scheduled;
}
