import { sql } from "drizzle-orm";
import type { DbExecutor } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { AppError } from "@/server/errors";
import { retryDelaySeconds } from "./backoff";
import { DEFAULT_BACKOFF, DEFAULT_LEASE_SECONDS, findJobKind, knownJobKinds, type JobKindName } from "./registry";

export interface ClaimedJob {
  id: string;
  kind: string;
  payload: unknown;
  userId: string | null;
  attempts: number;
  maxAttempts: number;
  /** Identifies this claim: every later write about the run checks it, so a lost lease writes nothing. */
  leaseId: string;
  leaseSeconds: number;
}

interface JobRow {
  id: string;
  kind: string;
  payload: unknown;
  user_id: string | null;
  attempts: number;
  max_attempts: number;
  lease_id: string;
  lease_seconds: number;
}

export interface EnqueueOptions {
  userId?: string;
  runAt?: Date;
  /**
   * Idempotency key: enqueueing the same kind and key again returns the first job's id and adds
   * nothing (for as long as that job is kept: dead jobs until discarded, succeeded ones a week).
   */
  key?: string;
}

/** Transaction-scoped advisory lock key that serialises claims, so the per-practitioner limit holds. */
const CLAIM_LOCK_KEY = 0x6f6d6a62; // "omjb"
const MAX_ERRORS_KEPT = 10;

/** Adds a job after validating its payload against the kind's contract; returns its id. */
export async function enqueueJob(
  db: DbExecutor,
  kindName: JobKindName | (string & {}),
  payload: unknown,
  options: EnqueueOptions = {},
): Promise<string> {
  const definition = findJobKind(kindName);
  if (!definition) throw new AppError("validation_failed", `Unknown job kind ${kindName}`);
  const parsed = definition.payload.safeParse(payload);
  if (!parsed.success)
    throw new AppError("validation_failed", `Invalid payload for job ${kindName}`, { details: parsed.error.issues });
  if (options.key !== undefined && (options.key.length < 1 || options.key.length > 200))
    throw new AppError("validation_failed", "A job's idempotency key has 1 to 200 characters");
  const key = options.key ?? null;
  const inserted = await db.execute(sql`
    insert into app_private.jobs (kind, payload, user_id, run_at, max_attempts, idempotency_key)
    values (${kindName}, ${JSON.stringify(parsed.data)}::jsonb, ${options.userId ?? null},
            ${(options.runAt ?? new Date()).toISOString()}, ${definition.maxAttempts}, ${key})
    on conflict (kind, idempotency_key) where idempotency_key is not null do nothing
    returning id`);
  const row = resultRows<{ id: string }>(inserted)[0];
  if (row) return row.id;
  // The key exists: its insert has committed (a concurrent one waits for it), so this statement sees it.
  const existing = await db.execute(
    sql`select id from app_private.jobs where kind = ${kindName} and idempotency_key = ${key}`,
  );
  return firstRow<{ id: string }>(existing).id;
}

export interface ClaimOptions {
  limit: number;
  /** Running jobs of one practitioner at most, across every worker (jobs without a user are not limited). */
  perUserLimit: number;
  workerId: string;
}

/**
 * Claims up to `limit` due jobs under a lease, oldest first, leaving each practitioner at most
 * `perUserLimit` running. Claims are serialised by a transaction-scoped advisory lock (released at
 * commit, so it works behind a transaction pooler) so two workers cannot both take a practitioner's
 * last free slot; rows locked by anyone else are skipped, never run twice.
 */
export async function claimDueJobs(db: DbExecutor, options: ClaimOptions): Promise<ClaimedJob[]> {
  const { limit, perUserLimit, workerId } = options;
  const leases = JSON.stringify(
    Object.fromEntries(knownJobKinds().map((name) => [name, findJobKind(name)?.leaseSeconds ?? DEFAULT_LEASE_SECONDS])),
  );
  await db.execute(sql`select pg_advisory_xact_lock(${CLAIM_LOCK_KEY})`);
  const rows = await db.execute(sql`
    with running as (
      select user_id, count(*)::int as n from app_private.jobs
       where status = 'running' and user_id is not null
       group by user_id
    ), ranked as (
      select id, user_id, run_at,
             row_number() over (partition by user_id order by run_at, id) as rank
        from app_private.jobs
       where status = 'queued' and run_at <= now()
    ), eligible as (
      select ranked.id from ranked left join running using (user_id)
       where ranked.user_id is null or ranked.rank <= ${perUserLimit} - coalesce(running.n, 0)
    ), picked as (
      select id from app_private.jobs
       where id in (select id from eligible) and status = 'queued' and run_at <= now()
       order by run_at, id
       limit ${limit}
       for update skip locked
    )
    update app_private.jobs as job
       set status = 'running', attempts = attempts + 1, locked_at = now(), locked_by = ${workerId},
           lease_id = gen_random_uuid(),
           locked_until = now() + make_interval(secs => coalesce((${leases}::jsonb ->> job.kind)::int, ${DEFAULT_LEASE_SECONDS}))
      from picked
     where job.id = picked.id
    returning job.id, job.kind, job.payload, job.user_id, job.attempts, job.max_attempts, job.lease_id,
              coalesce((${leases}::jsonb ->> job.kind)::int, ${DEFAULT_LEASE_SECONDS}) as lease_seconds`);
  return resultRows<JobRow>(rows).map((row) => ({
    id: row.id,
    kind: row.kind,
    payload: row.payload,
    userId: row.user_id,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    leaseId: row.lease_id,
    leaseSeconds: Number(row.lease_seconds),
  }));
}

/** Extends the job's lease; false when it is no longer this claim's (expired and reclaimed, released, discarded). */
export async function extendLease(db: DbExecutor, job: ClaimedJob): Promise<boolean> {
  const rows = await db.execute(sql`
    update app_private.jobs set locked_until = now() + make_interval(secs => ${job.leaseSeconds})
     where id = ${job.id} and lease_id = ${job.leaseId} and status = 'running'
    returning id`);
  return resultRows(rows).length === 1;
}

/** Locks the job's row for its own transaction; false when the lease is no longer this claim's. */
export async function lockClaimedJob(db: DbExecutor, job: ClaimedJob): Promise<boolean> {
  const rows = await db.execute(sql`
    select id from app_private.jobs
     where id = ${job.id} and lease_id = ${job.leaseId} and status = 'running'
       for update`);
  return resultRows(rows).length === 1;
}

/** Marks the claim succeeded; false (and nothing written) when its lease was lost. */
export async function markSucceeded(db: DbExecutor, job: ClaimedJob): Promise<boolean> {
  const rows = await db.execute(sql`
    update app_private.jobs
       set status = 'succeeded', finished_at = now(), locked_until = null, lease_id = null, last_error = null
     where id = ${job.id} and lease_id = ${job.leaseId} and status = 'running'
    returning id`);
  return resultRows(rows).length === 1;
}

const appendError = (attempt: ReturnType<typeof sql>, message: string) => sql`(
  select coalesce(jsonb_agg(entry order by position), '[]'::jsonb) from (
    select entry, position from jsonb_array_elements(
      errors || jsonb_build_array(jsonb_build_object('attempt', ${attempt}, 'at', now(), 'error', ${message}::text))
    ) with ordinality as history(entry, position)
    order by position desc limit ${MAX_ERRORS_KEPT}) as kept)`;

/**
 * Records a failed run: queued again after the kind's backoff with jitter while attempts remain,
 * else dead. Returns "lost" (and writes nothing) when the lease was no longer this claim's.
 */
export async function markFailed(
  db: DbExecutor,
  job: ClaimedJob,
  message: string,
  random: () => number = Math.random,
): Promise<"retried" | "dead" | "lost"> {
  const exhausted = job.attempts >= job.maxAttempts;
  const backoff = findJobKind(job.kind)?.backoff ?? DEFAULT_BACKOFF;
  const delaySeconds = retryDelaySeconds(job.attempts, backoff, random);
  const error = message.slice(0, 2000);
  const rows = await db.execute(sql`
    update app_private.jobs
       set status = ${exhausted ? "dead" : "queued"},
           run_at = ${exhausted ? sql`run_at` : sql`now() + make_interval(secs => ${delaySeconds})`},
           finished_at = ${exhausted ? sql`now()` : null},
           locked_until = null, lease_id = null,
           last_error = ${error},
           errors = ${appendError(sql`attempts`, error)}
     where id = ${job.id} and lease_id = ${job.leaseId} and status = 'running'
    returning id`);
  if (resultRows(rows).length === 0) return "lost";
  return exhausted ? "dead" : "retried";
}

/** Gives a claim back without counting its attempt (a worker shutting down); rows locked by a running transaction are left alone. */
export async function releaseLease(db: DbExecutor, job: ClaimedJob): Promise<boolean> {
  const rows = await db.execute(sql`
    update app_private.jobs
       set status = 'queued', attempts = greatest(attempts - 1, 0), run_at = now(),
           locked_until = null, lease_id = null, locked_by = null
     where id in (
       select id from app_private.jobs
        where id = ${job.id} and lease_id = ${job.leaseId} and status = 'running'
          for update skip locked)
    returning id`);
  return resultRows(rows).length === 1;
}

export const LEASE_EXPIRED_ERROR = "lease expired: the worker stopped or stalled without a heartbeat";

/**
 * The reaper: running jobs whose lease has expired (their worker died or stalled) go back to the
 * queue — the attempt they used counts — or to dead once attempts are spent. A job whose own
 * transaction still holds its row is skipped: that transaction is its lease.
 */
export async function reapExpiredLeases(db: DbExecutor): Promise<{ kind: string; status: string }[]> {
  const rows = await db.execute(sql`
    update app_private.jobs
       set status = case when attempts >= max_attempts then 'dead' else 'queued' end,
           finished_at = case when attempts >= max_attempts then now() end,
           run_at = now(), locked_until = null, lease_id = null,
           last_error = ${LEASE_EXPIRED_ERROR},
           errors = ${appendError(sql`attempts`, LEASE_EXPIRED_ERROR)}
     where id in (
       select id from app_private.jobs
        where status = 'running' and locked_until < now()
          for update skip locked)
    returning kind, status`);
  return resultRows<{ kind: string; status: string }>(rows);
}

export interface QueueStats {
  /** Jobs by kind and state: queued (due), scheduled (run_at in the future), running, dead. */
  depth: { kind: string; state: string; count: number }[];
  /** Seconds the oldest due job has waited (0 when none waits). */
  oldestWaitingSeconds: number;
}

export async function queueStats(db: DbExecutor): Promise<QueueStats> {
  const depth = await db.execute(sql`
    select kind, case when status = 'queued' and run_at > now() then 'scheduled' else status end as state,
           count(*)::int as count
      from app_private.jobs where status <> 'succeeded'
     group by 1, 2 order by 1, 2`);
  const oldest = await db.execute(sql`
    select coalesce(extract(epoch from now() - min(run_at)), 0)::float8 as seconds
      from app_private.jobs where status = 'queued' and run_at <= now()`);
  return {
    depth: resultRows<{ kind: string; state: string; count: number }>(depth).map((row) => ({
      ...row,
      count: Number(row.count),
    })),
    oldestWaitingSeconds: Math.max(0, Number(firstRow<{ seconds: number }>(oldest).seconds)),
  };
}

function firstRow<Row>(result: unknown): Row {
  const row = resultRows<Row>(result)[0];
  if (!row) throw new Error("the statement returned no row");
  return row;
}

/**
 * Enqueues from inside a `withUserDb` transaction, so the job commits with the change that asks for it
 * (a completed recurring task and the job that adds its next occurrence). The queue lives in
 * `app_private`, which the `authenticated` role cannot reach: the role is reset for this one statement
 * and set back before anything else runs; the claims stay as they were.
 */
export async function enqueueJobInUserTransaction(
  db: DbExecutor,
  kindName: JobKindName | (string & {}),
  payload: unknown,
  options: EnqueueOptions & { userId: string },
): Promise<string> {
  await db.execute(sql`select set_config('role', 'none', true)`);
  // A failure aborts the whole transaction, so the role needs no restoring on that path.
  const id = await enqueueJob(db, kindName, payload, options);
  await db.execute(sql`select set_config('role', 'authenticated', true)`);
  return id;
}
