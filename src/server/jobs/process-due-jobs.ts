import { JobWorker, type DrainOptions, type ProcessSummary, type WorkerOptions } from "./worker";

export type { ProcessSummary };

export interface ProcessOptions extends WorkerOptions, DrainOptions {
  /**
   * Jobs still running this long after the claim budget are aborted and their leases given back,
   * so a serverless invocation ends before its platform limit. Default 8 s.
   */
  finishMs?: number;
}

/** One drain of the queue by a short-lived worker (the cron route): recurring work, then due jobs within the budget. */
export async function processDueJobs(options: ProcessOptions = {}): Promise<ProcessSummary> {
  const { budgetMs = 20_000, maxPasses, schedule, finishMs = 8_000, ...workerOptions } = options;
  const worker = new JobWorker(workerOptions);
  const cutoff = setTimeout(() => void worker.stop(0), budgetMs + finishMs).unref();
  try {
    return await worker.drain({ budgetMs, maxPasses, schedule });
  } finally {
    clearTimeout(cutoff);
  }
}
