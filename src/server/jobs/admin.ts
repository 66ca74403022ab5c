import { sql } from "drizzle-orm";
import type { DbExecutor } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";

/** What an operator sees of a job (npm run jobs -- list). */
export interface JobSummary {
  id: string;
  kind: string;
  /** queued (due), scheduled (later), running, succeeded or dead. */
  state: string;
  attempts: string;
  user_id: string | null;
  run_at: string;
  last_error: string | null;
}

export const JOB_STATES = ["queued", "scheduled", "running", "succeeded", "dead"] as const;
export type JobState = (typeof JOB_STATES)[number];

const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);
const state = sql`case when status = 'queued' and run_at > now() then 'scheduled' else status end`;

export async function listJobs(
  db: DbExecutor,
  filter: { state?: JobState | undefined; kind?: string | undefined; limit?: number | undefined } = {},
): Promise<JobSummary[]> {
  const rows = await db.execute(sql`
    select id, kind, ${state} as state, attempts || '/' || max_attempts as attempts, user_id,
           ${iso("run_at")} as run_at, left(last_error, 160) as last_error
      from app_private.jobs
     where (${filter.state ?? null}::text is null or ${state} = ${filter.state ?? null})
       and (${filter.kind ?? null}::text is null or kind = ${filter.kind ?? null})
     order by run_at desc, id
     limit ${filter.limit ?? 50}`);
  return resultRows<JobSummary>(rows);
}

export type AdminOutcome = "done" | "not-found" | "running";

/**
 * Puts a dead (or waiting) job back at the head of the queue with a fresh attempt budget; its
 * error history stays. A running job is refused: it belongs to a worker until its lease ends.
 */
export async function retryJob(db: DbExecutor, id: string): Promise<AdminOutcome> {
  const rows = await db.execute(sql`
    update app_private.jobs
       set status = 'queued', run_at = now(), attempts = 0, finished_at = null, locked_until = null, lease_id = null
     where id = ${id} and status in ('dead', 'queued')
    returning id`);
  if (resultRows(rows).length === 1) return "done";
  return (await statusOf(db, id)) === "running" ? "running" : "not-found";
}

/** Retries every dead job (of one kind when given); returns how many. */
export async function retryAllDead(db: DbExecutor, kind?: string): Promise<number> {
  const rows = await db.execute(sql`
    update app_private.jobs
       set status = 'queued', run_at = now(), attempts = 0, finished_at = null
     where status = 'dead' and (${kind ?? null}::text is null or kind = ${kind ?? null})
    returning id`);
  return resultRows(rows).length;
}

/** Deletes a dead or waiting job for good; a running job is refused. */
export async function discardJob(db: DbExecutor, id: string): Promise<AdminOutcome> {
  const rows = await db.execute(sql`
    delete from app_private.jobs where id = ${id} and status in ('dead', 'queued', 'succeeded') returning id`);
  if (resultRows(rows).length === 1) return "done";
  return (await statusOf(db, id)) === "running" ? "running" : "not-found";
}

async function statusOf(db: DbExecutor, id: string): Promise<string | undefined> {
  const rows = await db.execute(sql`select status from app_private.jobs where id = ${id}`);
  return resultRows<{ status: string }>(rows)[0]?.status;
}
