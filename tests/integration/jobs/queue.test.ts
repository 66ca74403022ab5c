import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabase, withSystemDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { enqueueJob, processDueJobs, registerQueueDepthMetric } from "@/server/jobs";
import { claimDueJobs, requeueStaleJobs } from "@/server/jobs/queue";
import { RECURRING_JOBS } from "@/server/jobs/registry";
import { metricsRegistry } from "@/server/observability/metrics";

async function createUser(): Promise<string> {
  const id = randomUUID();
  await withSystemDb("test:user", (tx) =>
    tx.execute(sql`insert into auth.users (id, email) values (${id}, ${`${id}@example.com`})`),
  );
  return id;
}

async function jobRow(id: string) {
  const rows = await withSystemDb("test:read", (tx) =>
    tx.execute(sql`select status, attempts, last_error from app_private.jobs where id = ${id}`),
  );
  return resultRows<{ status: string; attempts: number; last_error: string | null }>(rows)[0];
}

async function insertRawJob(kind: string, maxAttempts: number): Promise<string> {
  const rows = await withSystemDb("test:insert", (tx) =>
    tx.execute(sql`insert into app_private.jobs (kind, max_attempts) values (${kind}, ${maxAttempts}) returning id`),
  );
  return resultRows<{ id: string }>(rows)[0]!.id;
}

const makeDue = () =>
  withSystemDb("test:due", (tx) => tx.execute(sql`update app_private.jobs set run_at = now() where status = 'queued'`));

describe("background jobs", () => {
  it("refuses a payload that does not match the job's contract", async () => {
    await expect(
      withSystemDb("test:enqueue", (tx) => enqueueJob(tx, "maintenance.prune-expired-auth", { unexpected: true })),
    ).rejects.toMatchObject({ code: "validation_failed", status: 422 });
  });

  it("schedules every recurring job once per interval and prunes expired sessions", async () => {
    const userId = await createUser();
    await withSystemDb("test:sessions", (tx) =>
      tx.execute(sql`insert into app_private.sessions (user_id, token_hash, expires_at) values
        (${userId}, decode(md5('expired'), 'hex'), now() - interval '1 minute'),
        (${userId}, decode(md5('live'), 'hex'), now() + interval '1 hour')`),
    );
    const first = await processDueJobs();
    const recurring = RECURRING_JOBS.length;
    expect(recurring).toBeGreaterThan(1);
    expect(first).toMatchObject({ scheduled: recurring, claimed: recurring, succeeded: recurring, failed: 0 });
    const second = await processDueJobs();
    expect(second.scheduled).toBe(0);
    const remaining = await withSystemDb("test:count", (tx) =>
      tx.execute(sql`select count(*)::int as n from app_private.sessions where user_id = ${userId}`),
    );
    expect(resultRows<{ n: number }>(remaining)[0]!.n).toBe(1);
  });

  it("retries a failing job with backoff, then marks it failed with the error", async () => {
    const id = await insertRawJob("no.such-kind", 2);
    const first = await processDueJobs();
    expect(first.retried).toBe(1);
    expect(await jobRow(id)).toMatchObject({ status: "queued", attempts: 1 });
    await makeDue();
    const second = await processDueJobs();
    expect(second.failed).toBe(1);
    expect(await jobRow(id)).toMatchObject({
      status: "failed",
      attempts: 2,
      last_error: "unknown job kind no.such-kind",
    });
  });

  it("never hands the same job to two concurrent claimers", async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, () => insertRawJob("no.such-kind", 1)));
    const [a, b] = await Promise.all([
      withSystemDb("test:claim-a", (tx) => claimDueJobs(tx, 6)),
      withSystemDb("test:claim-b", (tx) => claimDueJobs(tx, 6)),
    ]);
    const claimed = [...a, ...b].map((job) => job.id).filter((id) => ids.includes(id));
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.length).toBe(12);
  });

  it("puts back jobs whose worker died mid-run", async () => {
    const id = await insertRawJob("no.such-kind", 3);
    await withSystemDb("test:stale", (tx) =>
      tx.execute(
        sql`update app_private.jobs set status = 'running', locked_at = now() - interval '1 hour' where id = ${id}`,
      ),
    );
    expect(await withSystemDb("test:requeue", (tx) => requeueStaleJobs(tx, 600))).toBeGreaterThanOrEqual(1);
    expect((await jobRow(id))?.status).toBe("queued");
  });

  it("exposes the queue depth as a metric read at scrape time", async () => {
    await getDatabase();
    registerQueueDepthMetric();
    await insertRawJob("no.such-kind", 1);
    const text = await metricsRegistry.metrics();
    const match = /^omnicrm_job_queue_depth (\d+)$/m.exec(text);
    expect(Number(match?.[1])).toBeGreaterThanOrEqual(1);
  });
});

describe("/api/cron/process-jobs", () => {
  it("refuses every call while CRON_SECRET is unset, even past the proxy", async () => {
    const { GET } = await import("@/app/api/cron/process-jobs/route");
    const response = await GET(
      new Request("http://localhost/api/cron/process-jobs", { headers: { authorization: "Bearer anything" } }),
    );
    expect(response.status).toBe(503);
  });
});
