import { sql } from "drizzle-orm";
import type { DbExecutor } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { AppError } from "@/server/errors";
import { JOB_KINDS, type JobKindName } from "./registry";

export interface ClaimedJob {
  id: string;
  kind: string;
  payload: unknown;
  userId: string | null;
  attempts: number;
  maxAttempts: number;
}

interface JobRow {
  id: string;
  kind: string;
  payload: unknown;
  user_id: string | null;
  attempts: number;
  max_attempts: number;
}

export interface EnqueueOptions {
  userId?: string;
  runAt?: Date;
}

/** Adds a job after validating its payload against the kind's contract. */
export async function enqueueJob(
  db: DbExecutor,
  kindName: JobKindName,
  payload: unknown,
  options: EnqueueOptions = {},
): Promise<string> {
  const definition = JOB_KINDS[kindName];
  const parsed = definition.payload.safeParse(payload);
  if (!parsed.success)
    throw new AppError("validation_failed", `Invalid payload for job ${kindName}`, { details: parsed.error.issues });
  const rows = await db.execute(sql`
    insert into app_private.jobs (kind, payload, user_id, run_at, max_attempts)
    values (${kindName}, ${JSON.stringify(parsed.data)}::jsonb, ${options.userId ?? null}, ${(options.runAt ?? new Date()).toISOString()}, ${definition.maxAttempts})
    returning id`);
  return firstRow<{ id: string }>(rows).id;
}

/** Claims up to `limit` due jobs; rows locked by another worker are skipped, never run twice. */
export async function claimDueJobs(db: DbExecutor, limit: number): Promise<ClaimedJob[]> {
  const rows = await db.execute(sql`
    update app_private.jobs set status = 'running', locked_at = now(), attempts = attempts + 1
     where id in (
       select id from app_private.jobs
        where status = 'queued' and run_at <= now()
        order by run_at
        limit ${limit}
        for update skip locked)
    returning id, kind, payload, user_id, attempts, max_attempts`);
  return resultRows<JobRow>(rows).map((row) => ({
    id: row.id,
    kind: row.kind,
    payload: row.payload,
    userId: row.user_id,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
  }));
}

export async function markSucceeded(db: DbExecutor, jobId: string): Promise<void> {
  await db.execute(
    sql`update app_private.jobs set status = 'succeeded', finished_at = now(), locked_at = null, last_error = null where id = ${jobId}`,
  );
}

/** Retries with exponential backoff until the attempt budget is spent, then marks the job failed. */
export async function markFailed(db: DbExecutor, job: ClaimedJob, message: string): Promise<"retried" | "failed"> {
  const exhausted = job.attempts >= job.maxAttempts;
  const delaySeconds = Math.min(2 ** job.attempts * 10, 3600);
  await db.execute(sql`
    update app_private.jobs
       set status = ${exhausted ? "failed" : "queued"},
           run_at = now() + make_interval(secs => ${delaySeconds}),
           finished_at = ${exhausted ? sql`now()` : null},
           locked_at = null,
           last_error = ${message.slice(0, 2000)}
     where id = ${job.id}`);
  return exhausted ? "failed" : "retried";
}

/** Puts back jobs whose worker died mid-run (locked longer than `staleSeconds`). */
export async function requeueStaleJobs(db: DbExecutor, staleSeconds: number): Promise<number> {
  const rows = await db.execute(sql`
    update app_private.jobs set status = 'queued', locked_at = null
     where status = 'running' and locked_at < now() - make_interval(secs => ${staleSeconds})
    returning id`);
  return resultRows(rows).length;
}

export async function queueDepth(db: DbExecutor): Promise<number> {
  const rows = await db.execute(
    sql`select count(*)::int as depth from app_private.jobs where status = 'queued' and run_at <= now()`,
  );
  return firstRow<{ depth: number }>(rows).depth;
}

function firstRow<Row>(result: unknown): Row {
  const row = resultRows<Row>(result)[0];
  if (!row) throw new Error("the statement returned no row");
  return row;
}
