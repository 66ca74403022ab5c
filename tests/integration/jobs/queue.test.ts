import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { z } from "@/lib/zod";
import { getDatabase, withSystemDb } from "@/server/db";
import { enqueueJob, processDueJobs, registerJobMetrics } from "@/server/jobs";
import { claimDueJobs, reapExpiredLeases, LEASE_EXPIRED_ERROR } from "@/server/jobs/queue";
import { jobKind, RECURRING_JOBS, registerJobKind } from "@/server/jobs/registry";
import { metricsRegistry } from "@/server/observability/metrics";
import { clearJobs, createUser, insertRawJob, jobRow, makeDue, rows } from "./job-helpers";

registerJobKind(
  "test.keyed",
  jobKind({ payload: z.object({ n: z.number() }).strict(), maxAttempts: 3, run: async () => {} }),
);

const claim = (limit: number) =>
  withSystemDb("test:claim", (tx) => claimDueJobs(tx, { limit, perUserLimit: 100, workerId: "test-worker" }));

describe("background jobs", () => {
  beforeEach(clearJobs);

  it("refuses a payload that does not match the job's contract, and an unknown kind", async () => {
    await expect(
      withSystemDb("test:enqueue", (tx) => enqueueJob(tx, "maintenance.prune-expired-auth", { unexpected: true })),
    ).rejects.toMatchObject({ code: "validation_failed", status: 422 });
    await expect(withSystemDb("test:enqueue", (tx) => enqueueJob(tx, "no.such-kind", {}))).rejects.toMatchObject({
      code: "validation_failed",
      status: 422,
    });
  });

  it("schedules every recurring job once and prunes expired sessions", async () => {
    const userId = await createUser();
    await withSystemDb("test:sessions", (tx) =>
      tx.execute(sql`insert into app_private.sessions (user_id, token_hash, expires_at) values
        (${userId}, decode(md5('expired'), 'hex'), now() - interval '1 minute'),
        (${userId}, decode(md5('live'), 'hex'), now() + interval '1 hour')`),
    );
    const first = await processDueJobs();
    const recurring = RECURRING_JOBS.length;
    expect(recurring).toBeGreaterThan(2);
    expect(first).toMatchObject({ scheduled: recurring, claimed: recurring, succeeded: recurring, dead: 0 });
    const second = await processDueJobs();
    expect(second.scheduled).toBe(0);
    const remaining = await rows<{ n: number }>(
      sql`select count(*)::int as n from app_private.sessions where user_id = ${userId}`,
    );
    expect(remaining[0]!.n).toBe(1);
  });

  it("retries a failing job after a bounded, jittered backoff, then keeps it dead with its history", async () => {
    const id = await insertRawJob("no.such-kind", 3);
    expect((await processDueJobs()).retried).toBe(1);
    const afterFirst = await jobRow(id);
    expect(afterFirst).toMatchObject({ status: "queued", attempts: 1 });
    // Attempt 1 waits between half and all of the 10 s base.
    expect(afterFirst!.run_at_in_seconds).toBeGreaterThan(4);
    expect(afterFirst!.run_at_in_seconds).toBeLessThanOrEqual(10);
    await makeDue();
    expect((await processDueJobs()).retried).toBe(1);
    const afterSecond = await jobRow(id);
    expect(afterSecond!.run_at_in_seconds).toBeGreaterThan(9);
    expect(afterSecond!.run_at_in_seconds).toBeLessThanOrEqual(20);
    await makeDue();
    expect((await processDueJobs()).dead).toBe(1);
    const dead = await jobRow(id);
    expect(dead).toMatchObject({ status: "dead", attempts: 3, last_error: "unknown job kind no.such-kind" });
    expect(dead!.errors.map((entry) => entry.attempt)).toEqual([1, 2, 3]);
    // A dead job is never claimed again.
    await makeDue();
    expect((await processDueJobs()).claimed).toBe(0);
  });

  it("never hands the same job to two concurrent claimers", async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, () => insertRawJob("no.such-kind", 1)));
    const [a, b] = await Promise.all([claim(6), claim(6)]);
    const claimed = [...a, ...b].map((job) => job.id);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.sort()).toEqual([...ids].sort());
  });

  it("returns an expired lease to the queue counting the attempt, and kills it once attempts are spent", async () => {
    const retried = await insertRawJob("no.such-kind", 2);
    const spent = await insertRawJob("no.such-kind", 1);
    expect(await claim(10)).toHaveLength(2);
    // A live lease is left alone.
    expect(await withSystemDb("test:reap", reapExpiredLeases)).toHaveLength(0);
    await rows(sql`update app_private.jobs set locked_until = now() - interval '1 second' where status = 'running'`);
    expect(await withSystemDb("test:reap", reapExpiredLeases)).toHaveLength(2);
    expect(await jobRow(retried)).toMatchObject({ status: "queued", attempts: 1, lease_id: null });
    expect((await jobRow(retried))!.errors).toEqual([
      expect.objectContaining({ attempt: 1, error: LEASE_EXPIRED_ERROR }),
    ]);
    expect(await jobRow(spent)).toMatchObject({ status: "dead", attempts: 1, last_error: LEASE_EXPIRED_ERROR });
    // The requeued job is claimed again as its second attempt.
    expect((await claim(10)).map((job) => [job.id, job.attempts])).toEqual([[retried, 2]]);
  });

  it("makes one job of the same kind and idempotency key, even when enqueued concurrently", async () => {
    const enqueue = (n: number, key: string) =>
      withSystemDb("test:enqueue", (tx) => enqueueJob(tx, "test.keyed", { n }, { key }));
    const first = await enqueue(1, "sync:mailbox-1");
    expect(await enqueue(2, "sync:mailbox-1")).toBe(first);
    const concurrent = await Promise.all([1, 2, 3, 4].map((n) => enqueue(n, "sync:mailbox-2")));
    expect(new Set(concurrent).size).toBe(1);
    const other = await enqueue(1, "sync:mailbox-3");
    expect(other).not.toBe(first);
    const counted = await rows<{ key: string; n: number }>(
      sql`select idempotency_key as key, count(*)::int as n from app_private.jobs where kind = 'test.keyed' group by 1 order by 1`,
    );
    expect(counted).toEqual([
      { key: "sync:mailbox-1", n: 1 },
      { key: "sync:mailbox-2", n: 1 },
      { key: "sync:mailbox-3", n: 1 },
    ]);
    await expect(enqueue(1, "")).rejects.toMatchObject({ status: 422 });
  });

  it("exposes queue depth by kind and state and the oldest wait as metrics read at scrape time", async () => {
    await getDatabase();
    registerJobMetrics();
    await insertRawJob("metrics.unknown-kind", 1);
    await rows(
      sql`update app_private.jobs set run_at = now() - interval '90 seconds' where kind = 'metrics.unknown-kind'`,
    );
    await rows(sql`insert into app_private.jobs (kind, status, finished_at) values ('test.keyed', 'dead', now())`);
    const text = await metricsRegistry.metrics();
    expect(text).toMatch(/^omnicrm_job_queue_depth\{kind="metrics.unknown-kind",state="queued"\} 1$/m);
    expect(text).toMatch(/^omnicrm_job_queue_depth\{kind="test.keyed",state="dead"\} 1$/m);
    const oldest = Number(/^omnicrm_job_oldest_waiting_seconds (\S+)$/m.exec(text)?.[1]);
    expect(oldest).toBeGreaterThanOrEqual(90);
    expect(oldest).toBeLessThan(600);
    await processDueJobs({ schedule: false });
    const after = await metricsRegistry.metrics();
    expect(after).toMatch(/^omnicrm_job_failures_total\{kind="metrics.unknown-kind",outcome="dead"\} 1$/m);
    expect(after).toMatch(/^omnicrm_job_duration_seconds_count\{kind="metrics.unknown-kind",outcome="dead"\} 1$/m);
    expect(after).not.toMatch(/kind="metrics.unknown-kind",state="queued"/);
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
