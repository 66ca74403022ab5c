import { log } from "@/server/observability/logger";
import { JobWorker, type WorkerOptions } from "./worker";

export interface JobRunner {
  readonly worker: JobWorker;
  /** Stops claiming; in-flight jobs get `deadlineMs` to finish, then their leases are given back. */
  stop(deadlineMs?: number): Promise<void>;
}

export interface RunnerOptions extends WorkerOptions {
  /** Pause between drains once the queue is empty (default 10 s); a drain that hit its budget continues at once. */
  intervalMs?: number;
}

const SCHEDULE_EVERY_MS = 30_000;

/** Within the shutdown sequence's 5 s per resource, leaving time to give leases back. */
export const DEFAULT_STOP_DEADLINE_MS = 3_000;

/** The long-running runner (embedded mode, worker processes): one drain at a time, until stopped. */
export function startJobRunner(options: RunnerOptions = {}): JobRunner {
  const { intervalMs = 10_000, ...workerOptions } = options;
  const worker = new JobWorker(workerOptions);
  let timer: NodeJS.Timeout | undefined;
  let scheduledAt = Number.NEGATIVE_INFINITY;

  const tick = () => {
    // Schedules are minute-grained: a busy runner need not check them on every drain.
    const schedule = Date.now() - scheduledAt >= SCHEDULE_EVERY_MS;
    if (schedule) scheduledAt = Date.now();
    void worker
      .drain({ budgetMs: intervalMs, schedule })
      .then((summary) => {
        if (summary.claimed > 0 || summary.reaped > 0) log().info({ ...summary }, "jobs processed");
        return summary.claimed > 0;
      })
      .catch((error: unknown) => {
        log().error({ err: error }, "job pass failed");
        return false;
      })
      .then((busy) => {
        if (!worker.isStopping) timer = setTimeout(tick, busy ? 0 : intervalMs).unref();
      });
  };
  timer = setTimeout(tick, 0).unref();

  return {
    worker,
    stop: async (deadlineMs = DEFAULT_STOP_DEADLINE_MS) => {
      clearTimeout(timer);
      await worker.stop(deadlineMs);
      clearTimeout(timer);
    },
  };
}
