import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { env } from "@/server/config/env";
import { withSystemDb } from "@/server/db";
import { log } from "@/server/observability/logger";
import { recordExpiredLease, recordJobRun, type JobOutcome } from "./job-metrics";
import {
  claimDueJobs,
  enqueueJob,
  extendLease,
  lockClaimedJob,
  markFailed,
  markSucceeded,
  reapExpiredLeases,
  releaseLease,
  type ClaimedJob,
} from "./queue";
import { findJobKind, type JobRunContext } from "./registry";
import { scheduleRecurringJobs } from "./schedule";

export interface ProcessSummary {
  scheduled: number;
  /** Expired leases returned to the queue (or dead) by this drain. */
  reaped: number;
  claimed: number;
  succeeded: number;
  retried: number;
  dead: number;
  /** Runs whose lease was lost (expired and reclaimed, or released at shutdown): nothing recorded. */
  lost: number;
}

export interface WorkerOptions {
  /** Jobs claimed and run together per pass (default 10). */
  batchSize?: number;
  /** Running jobs per practitioner across every worker (default JOB_USER_CONCURRENCY). */
  perUserLimit?: number;
  workerId?: string;
}

export interface DrainOptions {
  /** Stop claiming after this many milliseconds (cron invocations have a time budget). */
  budgetMs?: number | undefined;
  /** Stop after this many claim passes (tests). */
  maxPasses?: number | undefined;
  /** Enqueue due recurring jobs first (default true). */
  schedule?: boolean | undefined;
}

export class LeaseLostError extends Error {
  override name = "LeaseLostError";
  constructor(jobId: string) {
    super(`job ${jobId} lost its lease: it may already run elsewhere`);
  }
}

export class WorkerStoppingError extends Error {
  override name = "WorkerStoppingError";
  constructor() {
    super("the worker is shutting down: the job was given back to the queue");
  }
}

/** How long stop() waits, after aborting, for handlers to notice. */
const ABORT_SETTLE_MS = 1_000;

interface InFlight {
  job: ClaimedJob;
  controller: AbortController;
  done: Promise<JobOutcome>;
}

/** Claims and runs jobs; one per process (the embedded runner, the cron route, a worker process). */
export class JobWorker {
  readonly id: string;
  private readonly batchSize: number;
  private readonly perUserLimit: number;
  private readonly inFlight = new Map<string, InFlight>();
  private stopping = false;
  private claiming: Promise<unknown> = Promise.resolve();

  constructor(options: WorkerOptions = {}) {
    this.id = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.batchSize = options.batchSize ?? 10;
    this.perUserLimit = options.perUserLimit ?? env.JOB_USER_CONCURRENCY;
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  /** Schedules recurring work, then claims and runs due jobs until the queue, the budget or the passes run out. */
  async drain(options: DrainOptions = {}): Promise<ProcessSummary> {
    const { budgetMs = 20_000, maxPasses = Number.POSITIVE_INFINITY, schedule = true } = options;
    const deadline = Date.now() + budgetMs;
    const summary: ProcessSummary = { scheduled: 0, reaped: 0, claimed: 0, succeeded: 0, retried: 0, dead: 0, lost: 0 };
    if (schedule && !this.stopping) summary.scheduled = await scheduleRecurringJobs();
    for (let pass = 0; pass < maxPasses && !this.stopping && Date.now() < deadline; pass += 1) {
      summary.reaped += await this.reap();
      const claiming = withSystemDb("jobs:claim", (tx) =>
        claimDueJobs(tx, { limit: this.batchSize, perUserLimit: this.perUserLimit, workerId: this.id }),
      );
      this.claiming = claiming.catch(() => undefined);
      const claimed = await claiming;
      if (this.stopping) {
        // stop() began while this claim ran: give the jobs back rather than start them.
        for (const job of claimed) await withSystemDb("jobs:release", (tx) => releaseLease(tx, job));
        break;
      }
      if (claimed.length === 0) break;
      summary.claimed += claimed.length;
      const outcomes = await Promise.all(claimed.map((job) => this.start(job)));
      for (const outcome of outcomes) if (outcome !== "released") summary[outcome] += 1;
    }
    return summary;
  }

  /**
   * Stops claiming, waits up to `deadlineMs` for the jobs in flight, then aborts the rest and gives
   * their leases back (uncounted) so another worker runs them now rather than after the lease.
   */
  async stop(deadlineMs: number): Promise<{ released: number; unfinished: number }> {
    this.stopping = true;
    await this.claiming;
    const pending = [...this.inFlight.values()];
    const finished = await Promise.race([
      Promise.allSettled(pending.map((entry) => entry.done)).then(() => true),
      sleep(deadlineMs).then(() => false),
    ]);
    if (finished) return { released: 0, unfinished: 0 };
    let released = 0;
    const unfinished = [...this.inFlight.values()];
    for (const entry of unfinished) {
      entry.controller.abort(new WorkerStoppingError());
      if (await withSystemDb("jobs:release", (tx) => releaseLease(tx, entry.job))) released += 1;
    }
    // Handlers that honour the signal end now (and give their lease back themselves if the release above met their row locked).
    await Promise.race([Promise.allSettled(unfinished.map((entry) => entry.done)), sleep(ABORT_SETTLE_MS)]);
    log().warn({ released, unfinished: unfinished.length }, "job runner stopped with jobs in flight");
    return { released, unfinished: unfinished.length };
  }

  private async reap(): Promise<number> {
    const reaped = await withSystemDb("jobs:reap", reapExpiredLeases);
    for (const job of reaped) {
      recordExpiredLease(job.kind);
      if (job.status === "dead") recordJobRun(job.kind, "dead", 0);
    }
    if (reaped.length > 0) log().warn({ reaped: reaped.length }, "expired job leases reclaimed");
    return reaped.length;
  }

  private start(job: ClaimedJob): Promise<JobOutcome> {
    const controller = new AbortController();
    const done = this.run(job, controller).finally(() => this.inFlight.delete(job.id));
    this.inFlight.set(job.id, { job, controller, done });
    return done;
  }

  private async run(job: ClaimedJob, controller: AbortController): Promise<JobOutcome> {
    const started = performance.now();
    const definition = findJobKind(job.kind);
    let leaseTimer: NodeJS.Timeout | undefined;
    const armLease = () => {
      clearTimeout(leaseTimer);
      leaseTimer = setTimeout(() => controller.abort(new LeaseLostError(job.id)), job.leaseSeconds * 1000).unref();
    };
    const context: JobRunContext = {
      jobId: job.id,
      userId: job.userId,
      attempt: job.attempts,
      signal: controller.signal,
      enqueue: enqueueJob,
      heartbeat: async () => {
        controller.signal.throwIfAborted();
        if (!(await withSystemDb("jobs:heartbeat", (tx) => extendLease(tx, job)))) {
          controller.abort(new LeaseLostError(job.id));
          controller.signal.throwIfAborted();
        }
        armLease();
      },
    };
    let outcome: JobOutcome;
    try {
      if (!definition) throw new Error(`unknown job kind ${job.kind}`);
      const payload = definition.payload.parse(job.payload);
      if (definition.mode === "outside") {
        armLease();
        await definition.run(payload, context);
        outcome = (await withSystemDb("jobs:succeeded", (tx) => markSucceeded(tx, job))) ? "succeeded" : "lost";
      } else {
        // The row lock taken first is the lease while this transaction is open: a heartbeat has nothing to add.
        const inTransaction = { ...context, heartbeat: async () => controller.signal.throwIfAborted() };
        outcome = await withSystemDb(`job:${job.kind}`, async (tx) => {
          if (!(await lockClaimedJob(tx, job))) return "lost" as const;
          await definition.run(payload, { ...inTransaction, db: tx });
          if (!(await markSucceeded(tx, job))) throw new LeaseLostError(job.id);
          return "succeeded" as const;
        });
      }
    } catch (error) {
      outcome = await this.fail(job, controller, error);
    } finally {
      clearTimeout(leaseTimer);
    }
    if (outcome === "lost" && controller.signal.reason instanceof WorkerStoppingError) outcome = "released";
    recordJobRun(job.kind, outcome, (performance.now() - started) / 1000);
    if (outcome === "lost")
      log().warn({ jobId: job.id, kind: job.kind }, "job lease lost: its result was not recorded");
    return outcome;
  }

  private async fail(job: ClaimedJob, controller: AbortController, error: unknown): Promise<JobOutcome> {
    if (controller.signal.aborted && controller.signal.reason instanceof WorkerStoppingError) {
      await withSystemDb("jobs:release", (tx) => releaseLease(tx, job));
      return "released";
    }
    const message = error instanceof Error ? error.message : String(error);
    const outcome = await withSystemDb("jobs:fail", (tx) => markFailed(tx, job, message));
    const fields = { jobId: job.id, kind: job.kind, attempt: job.attempts, maxAttempts: job.maxAttempts, outcome };
    if (outcome === "dead") log().error({ ...fields, err: error }, "job dead after its last attempt");
    else log().warn({ ...fields, err: error }, "job failed");
    return outcome;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
