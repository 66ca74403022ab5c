import { withSystemDb } from "@/server/db";
import { counter, gauge, histogram } from "@/server/observability/metrics";
import { registerGmailSyncMetrics } from "@/server/services/gmail-sync/sync-metrics";
import { queueStats } from "./queue";

export type JobOutcome = "succeeded" | "retried" | "dead" | "lost" | "released";

const jobDuration = () =>
  histogram({
    name: "omnicrm_job_duration_seconds",
    help: "Time a job's run took, by kind and outcome, in seconds",
    labelNames: ["kind", "outcome"],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900],
  });

const jobFailures = () =>
  counter({
    name: "omnicrm_job_failures_total",
    help: "Failed job runs, by kind and what followed (retried, dead, lease_expired)",
    labelNames: ["kind", "outcome"],
  });

/** Registers the job metrics once: the gauges are read from the database at scrape time. */
export function registerJobMetrics(): void {
  gauge({
    name: "omnicrm_job_queue_depth",
    help: "Jobs by kind and state: queued (due), scheduled (later), running, dead",
    labelNames: ["kind", "state"],
    async collect() {
      const stats = await withSystemDb("metrics:job-depth", queueStats);
      this.reset();
      for (const row of stats.depth) this.set({ kind: row.kind, state: row.state }, row.count);
    },
  });
  gauge({
    name: "omnicrm_job_oldest_waiting_seconds",
    help: "Seconds the oldest due job has waited to be claimed (0 when none waits)",
    async collect() {
      this.set((await withSystemDb("metrics:job-oldest", queueStats)).oldestWaitingSeconds);
    },
  });
  jobDuration();
  jobFailures();
  // The mailbox sync runs as jobs; its health is scraped with theirs.
  registerGmailSyncMetrics();
}

export function recordJobRun(kind: string, outcome: JobOutcome, seconds: number): void {
  jobDuration().observe({ kind, outcome }, seconds);
  if (outcome === "retried" || outcome === "dead") jobFailures().inc({ kind, outcome });
}

export function recordExpiredLease(kind: string): void {
  jobFailures().inc({ kind, outcome: "lease_expired" });
}
