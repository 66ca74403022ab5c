import { Cron } from "croner";
import { sql } from "drizzle-orm";
import { withSystemDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { enqueueJob } from "./queue";
import { RECURRING_JOBS, type RecurringJob } from "./registry";

/** The first occurrence of the schedule strictly after `after`, in its time zone. */
export function nextOccurrence(recurring: Pick<RecurringJob, "cron" | "timeZone">, after: Date): Date {
  const next = new Cron(recurring.cron, { timezone: recurring.timeZone }).nextRun(after);
  if (!next) throw new Error(`cron expression ${recurring.cron} has no occurrence after ${after.toISOString()}`);
  return next;
}

export interface ScheduleOptions {
  /** The moment the pass runs (the clock, except in tests that simulate downtime). */
  now?: Date;
  schedules?: readonly RecurringJob[];
}

/**
 * Enqueues each recurring job that is due — never seen before, or its next occurrence has come —
 * and moves its schedule to the first occurrence after `now`. However many occurrences were missed
 * it runs once (no burst). The conditional upsert locks the schedule's row, so when several
 * instances pass at once exactly one of them enqueues.
 */
export async function scheduleRecurringJobs(options: ScheduleOptions = {}): Promise<number> {
  const { now = new Date(), schedules = RECURRING_JOBS } = options;
  let scheduled = 0;
  for (const recurring of schedules) {
    const next = nextOccurrence(recurring, now).toISOString();
    const at = now.toISOString();
    const due = await withSystemDb("jobs:schedule", async (tx) => {
      const claimed = await tx.execute(sql`
        insert into app_private.job_schedules (name, last_run_at, next_run_at) values (${recurring.name}, ${at}, ${next})
        on conflict (name) do update set last_run_at = excluded.last_run_at, next_run_at = excluded.next_run_at
          where app_private.job_schedules.next_run_at is null or app_private.job_schedules.next_run_at <= ${at}
        returning name`);
      if (resultRows(claimed).length === 0) return false;
      await enqueueJob(tx, recurring.kind, recurring.payload ?? {});
      return true;
    });
    if (due) scheduled += 1;
  }
  return scheduled;
}
