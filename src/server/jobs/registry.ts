import { z } from "@/lib/zod";
import type { DbTransaction } from "@/server/db";
import { deleteStoredObjects, deleteStoredObjectsInput } from "@/server/services/account/delete-stored-objects";
import { pruneAuditEvents } from "@/server/services/audit/prune-audit-events";
import { pruneExpiredAuth } from "@/server/services/maintenance/prune-expired-auth";

export interface JobContext {
  db: DbTransaction;
  jobId: string;
  userId: string | null;
}

interface JobKind<S extends z.ZodType> {
  payload: S;
  maxAttempts: number;
  run: (payload: z.output<S>, context: JobContext) => Promise<unknown>;
}

/** Checks a handler against its payload contract, then widens it: the runner parses the payload before calling. */
const kind = <S extends z.ZodType>(definition: JobKind<S>) => definition as unknown as JobKind<z.ZodType>;

/** Every job the runner knows: its payload contract, retry budget and handler. */
export const JOB_KINDS = {
  "maintenance.prune-expired-auth": kind({
    payload: z.object({}).strict(),
    maxAttempts: 3,
    run: (_payload, { db }) => pruneExpiredAuth(db),
  }),
  /** Audit events older than AUDIT_RETENTION_DAYS, through app_private.prune_audit_events. */
  "maintenance.prune-audit-events": kind({
    payload: z.object({}).strict(),
    maxAttempts: 3,
    run: (_payload, { db }) => pruneAuditEvents(db),
  }),
  /** Files of erased clients or deleted accounts whose deletion failed after the rows were committed. */
  "storage.delete-objects": kind({
    payload: deleteStoredObjectsInput,
    maxAttempts: 10,
    run: (payload) => deleteStoredObjects(payload),
  }),
} as const;

export type JobKindName = keyof typeof JOB_KINDS;

/** Recurring work: enqueued once per interval across every instance (guarded by job_schedules). */
export const RECURRING_JOBS: ReadonlyArray<{ name: string; kind: JobKindName; everySeconds: number }> = [
  { name: "prune-expired-auth", kind: "maintenance.prune-expired-auth", everySeconds: 60 * 60 },
  { name: "prune-audit-events", kind: "maintenance.prune-audit-events", everySeconds: 24 * 60 * 60 },
];
