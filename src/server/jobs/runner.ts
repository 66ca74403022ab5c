import { log } from "@/server/observability/logger";
import { processDueJobs } from "./process-due-jobs";

export interface JobRunner {
  stop(): Promise<void>;
}

/** The embedded in-process runner: one pass every `intervalMs`, never two passes at once. */
export function startJobRunner(intervalMs = 10_000): JobRunner {
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const tick = () => {
    current = processDueJobs({ budgetMs: intervalMs })
      .then((summary) => {
        if (summary.claimed > 0) log().info({ ...summary }, "jobs processed");
      })
      .catch((error: unknown) => log().error({ err: error }, "job pass failed"))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs).unref();
      });
  };
  timer = setTimeout(tick, 0).unref();

  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
