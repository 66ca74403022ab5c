import { withSystemDb } from "@/server/db";
import { gauge } from "@/server/observability/metrics";
import { queueDepth } from "./queue";

/** Registers the gauge once; its value is read from the database at scrape time. */
export function registerQueueDepthMetric(): void {
  gauge({
    name: "omnicrm_job_queue_depth",
    help: "Jobs due and waiting to run",
    async collect() {
      this.set(await withSystemDb("metrics:queue-depth", queueDepth));
    },
  });
}
