import { z } from "@/lib/zod";
import type { DbTransaction } from "@/server/db";
import { deleteStoredObjects, deleteStoredObjectsInput } from "@/server/services/account/delete-stored-objects";
import { pruneAuditEvents } from "@/server/services/audit/prune-audit-events";
import { pruneExpiredAuth } from "@/server/services/maintenance/prune-expired-auth";
import { createNextOccurrence, createNextOccurrenceInput } from "@/server/services/tasks/create-next-occurrence";
import { rollOverOverdueTasks } from "@/server/services/tasks/roll-over-overdue-tasks";
import { gmailSyncPayload, scheduleGmailSyncs, syncGmail } from "@/server/services/gmail-sync";
import { pruneFinishedJobs } from "./prune-finished-jobs";
import type { enqueueJob } from "./queue";

type EnqueueJob = typeof enqueueJob;

/**
 * What every handler receives. `signal` aborts when the job's lease is lost (it expired and the
 * job may already run elsewhere) or the worker is shutting down past its deadline; `heartbeat()`
 * extends the lease and throws once it is lost.
 */
export interface JobRunContext {
  jobId: string;
  userId: string | null;
  /** 1 on the first run, counting runs cut short by a crash or an expired lease. */
  attempt: number;
  signal: AbortSignal;
  heartbeat: () => Promise<void>;
  /** `enqueueJob`, handed in so a handler can queue follow-up work without importing the queue (which imports this registry). */
  enqueue: EnqueueJob;
}

/** A "transaction" handler also gets the job's own transaction. */
export interface JobContext extends JobRunContext {
  db: DbTransaction;
}

/**
 * The handler contract, one of two modes:
 *
 * - `"transaction"` (default): `run` gets `db`, the job's own transaction, which first locks the
 *   job's row under its lease and ends by marking the job succeeded. Everything written through
 *   `db` commits with "succeeded" or not at all: exactly once, even when the worker is killed
 *   mid-run (the transaction rolls back and the job runs again). Keep these short (seconds): the
 *   row lock is the lease while the transaction is open. Work outside the database (mail, HTTP,
 *   storage) is still at least once.
 * - `"outside"`: long work (a mailbox sync) that cannot sit in one transaction. `run` opens its
 *   own transactions (withSystemDb / withUserDb), calls `heartbeat()` at least every
 *   `leaseSeconds / 2` and stops when `signal` aborts. It may run more than once (a crash, an
 *   expired lease, a shutdown past its deadline): it must be idempotent — upserts keyed on the
 *   source's ids, cursors saved only after the data they cover.
 *
 * Failures retry after exponential backoff with jitter (`backoff`) until `maxAttempts` runs, then
 * the job is `dead`: kept with its last error and attempt history for an operator
 * (`npm run jobs -- list --state dead`, docs/runbooks/jobs-failing-or-stuck.md).
 */
export type JobKind<S extends z.ZodType = z.ZodType> = {
  payload: S;
  maxAttempts: number;
  /** Seconds a claimed job belongs to its worker without a heartbeat (default 60). */
  leaseSeconds?: number;
  /** Retry n waits between half and all of min(capSeconds, baseSeconds × 2^(n−1)). Default 10 s, 1 h. */
  backoff?: { baseSeconds: number; capSeconds: number };
} & (
  | { mode?: "transaction"; run: (payload: z.output<S>, context: JobContext) => Promise<unknown> }
  | { mode: "outside"; run: (payload: z.output<S>, context: JobRunContext) => Promise<unknown> }
);

export const DEFAULT_LEASE_SECONDS = 60;
export const DEFAULT_BACKOFF = { baseSeconds: 10, capSeconds: 3600 } as const;

/** Checks a handler against its payload contract, then widens it: the runner parses the payload before calling. */
export const jobKind = <S extends z.ZodType>(definition: JobKind<S>) => definition as unknown as JobKind;

/** Every job the app runs: its payload contract, retry budget and handler. */
export const JOB_KINDS = {
  "maintenance.prune-expired-auth": jobKind({
    payload: z.object({}).strict(),
    maxAttempts: 3,
    run: (_payload, { db }) => pruneExpiredAuth(db),
  }),
  /** Audit events older than AUDIT_RETENTION_DAYS, through app_private.prune_audit_events. */
  "maintenance.prune-audit-events": jobKind({
    payload: z.object({}).strict(),
    maxAttempts: 3,
    run: (_payload, { db }) => pruneAuditEvents(db),
  }),
  /** Succeeded jobs older than a week (dead ones stay until an operator retries or discards them). */
  "maintenance.prune-finished-jobs": jobKind({
    payload: z.object({}).strict(),
    maxAttempts: 3,
    run: (_payload, { db }) => pruneFinishedJobs(db),
  }),
  /** Files of erased clients or deleted accounts whose deletion failed after the rows were committed. */
  "storage.delete-objects": jobKind({
    payload: deleteStoredObjectsInput,
    maxAttempts: 10,
    run: (payload) => deleteStoredObjects(payload),
  }),
  /** The occurrence after a completed or skipped recurring task (idempotent: keyed by the task, and a unique index). */
  "tasks.create-next-occurrence": jobKind({
    payload: createNextOccurrenceInput,
    maxAttempts: 10,
    run: (payload, { db, userId }) => createNextOccurrence(db, userId, payload),
  }),
  /** Overdue tasks whose policy is "roll over" move to their next day, in each practitioner's time zone. */
  "tasks.roll-over-overdue": jobKind({
    payload: z.object({}).strict(),
    maxAttempts: 3,
    run: (_payload, { db }) => rollOverOverdueTasks(db),
  }),
  /**
   * One Gmail connection's sync (import, then incremental from the saved historyId). Long work in many
   * short transactions, each page committed with its cursor; a revoked grant ends it without retries.
   */
  "google.gmail-sync": jobKind({
    payload: gmailSyncPayload,
    mode: "outside",
    maxAttempts: 8,
    leaseSeconds: 120,
    backoff: { baseSeconds: 30, capSeconds: 3600 },
    run: (payload, context) => syncGmail(payload, context),
  }),
  /** Queues a sync of every connection that can sync (recurring). */
  "google.gmail-sync-due": jobKind({
    payload: z.object({}).strict(),
    maxAttempts: 3,
    run: (_payload, { db, enqueue }) => scheduleGmailSyncs(db, enqueue),
  }),
} as const;

export type JobKindName = keyof typeof JOB_KINDS;

// Kinds registered at run time (a test or tool's own kinds), kept on globalThis like the database.
const extraKinds = ((globalThis as { omnicrmJobKinds?: Map<string, JobKind> }).omnicrmJobKinds ??= new Map());

/**
 * Adds a kind outside the app's catalog: only tests and tools (the chaos worker) do this, so their
 * kinds never exist in the app. The app's own kinds belong in JOB_KINDS.
 */
export function registerJobKind(name: string, definition: JobKind): void {
  if (name in JOB_KINDS) throw new Error(`job kind ${name} is already defined`);
  extraKinds.set(name, definition);
}

export function findJobKind(name: string): JobKind | undefined {
  return (JOB_KINDS as Record<string, JobKind>)[name] ?? extraKinds.get(name);
}

export function knownJobKinds(): string[] {
  return [...Object.keys(JOB_KINDS), ...extraKinds.keys()];
}

export interface RecurringJob {
  /** Unique: the row in app_private.job_schedules that makes it once across instances. */
  name: string;
  kind: string;
  /** Five-field cron expression (minute hour day-of-month month day-of-week), read by croner. */
  cron: string;
  /** IANA time zone the expression is read in ("Europe/Berlin"); daylight saving is followed. */
  timeZone: string;
  payload?: Record<string, unknown>;
}

/**
 * Recurring work. Missed-run policy: however many occurrences passed while nothing ran (downtime,
 * a stopped cron), the job runs once on catch-up and the schedule moves to the next occurrence
 * after now — never a burst. A schedule seen for the first time runs at once.
 */
export const RECURRING_JOBS: readonly RecurringJob[] = [
  { name: "prune-expired-auth", kind: "maintenance.prune-expired-auth", cron: "7 * * * *", timeZone: "UTC" },
  { name: "prune-audit-events", kind: "maintenance.prune-audit-events", cron: "30 3 * * *", timeZone: "UTC" },
  { name: "prune-finished-jobs", kind: "maintenance.prune-finished-jobs", cron: "45 3 * * *", timeZone: "UTC" },
  // Hourly, so each practitioner's midnight is met within the hour whatever their time zone.
  { name: "roll-over-overdue-tasks", kind: "tasks.roll-over-overdue", cron: "5 * * * *", timeZone: "UTC" },
  { name: "gmail-sync-due", kind: "google.gmail-sync-due", cron: "*/10 * * * *", timeZone: "UTC" },
];
