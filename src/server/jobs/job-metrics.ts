import client from "prom-client";
import { withSystemDb } from "@/server/db";
import { metricsRegistry } from "@/server/observability/metrics";
import { queueStats } from "./queue";

const DEPTH = "omnicrm_job_queue_depth";
const OLDEST = "omnicrm_job_oldest_waiting_seconds";
const DURATION = "omnicrm_job_duration_seconds";
const FAILURES = "omnicrm_job_failures_total";

export type JobOutcome = "succeeded" | "retried" | "dead" | "lost" | "released";

/** Registers the job metrics once: the gauges are read from the database at scrape time. */
export function registerJobMetrics(): void {
  if (!metricsRegistry.getSingleMetric(DEPTH))
    new client.Gauge({
      name: DEPTH,
      help: "Jobs by kind and state: queued (due), scheduled (later), running, dead",
      labelNames: ["kind", "state"],
      registers: [metricsRegistry],
      async collect() {
        const stats = await withSystemDb("metrics:job-depth", queueStats);
        this.reset();
        for (const row of stats.depth) this.set({ kind: row.kind, state: row.state }, row.count);
      },
    });
  if (!metricsRegistry.getSingleMetric(OLDEST))
    new client.Gauge({
      name: OLDEST,
      help: "Seconds the oldest due job has waited to be claimed (0 when none waits)",
      registers: [metricsRegistry],
      async collect() {
        this.set((await withSystemDb("metrics:job-oldest", queueStats)).oldestWaitingSeconds);
      },
    });
  jobDuration();
  jobFailures();
}

function jobDuration(): client.Histogram<"kind" | "outcome"> {
  return (metricsRegistry.getSingleMetric(DURATION) ??
    new client.Histogram({
      name: DURATION,
      help: "Time a job's run took, by kind and outcome, in seconds",
      labelNames: ["kind", "outcome"],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900],
      registers: [metricsRegistry],
    })) as client.Histogram<"kind" | "outcome">;
}

function jobFailures(): client.Counter<"kind" | "outcome"> {
  return (metricsRegistry.getSingleMetric(FAILURES) ??
    new client.Counter({
      name: FAILURES,
      help: "Failed job runs, by kind and what followed (retried, dead, lease_expired)",
      labelNames: ["kind", "outcome"],
      registers: [metricsRegistry],
    })) as client.Counter<"kind" | "outcome">;
}

export function recordJobRun(kind: string, outcome: JobOutcome, seconds: number): void {
  jobDuration().observe({ kind, outcome }, seconds);
  if (outcome === "retried" || outcome === "dead") jobFailures().inc({ kind, outcome });
}

export function recordExpiredLease(kind: string): void {
  jobFailures().inc({ kind, outcome: "lease_expired" });
}
