import client from "prom-client";
import { withSystemDb } from "@/server/db";
import { metricsRegistry } from "@/server/observability/metrics";
import { queueDepth } from "./queue";

const NAME = "omnicrm_job_queue_depth";

/** Registers the gauge once; its value is read from the database at scrape time. */
export function registerQueueDepthMetric(): void {
  if (metricsRegistry.getSingleMetric(NAME)) return;
  new client.Gauge({
    name: NAME,
    help: "Jobs due and waiting to run",
    registers: [metricsRegistry],
    async collect() {
      this.set(await withSystemDb("metrics:queue-depth", queueDepth));
    },
  });
}
