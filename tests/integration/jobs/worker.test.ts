import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { z } from "@/lib/zod";
import { withSystemDb } from "@/server/db";
import { enqueueJob, processDueJobs, startJobRunner } from "@/server/jobs";
import { claimDueJobs } from "@/server/jobs/queue";
import { jobKind, registerJobKind, type JobRunContext } from "@/server/jobs/registry";
import { JobWorker, LeaseLostError } from "@/server/jobs/worker";
import { clearJobs, createUser, deferred, jobRow, rows } from "./job-helpers";

const payload = z.object({ tag: z.string() }).strict();
const ran: string[] = [];
registerJobKind(
  "test.record",
  jobKind({
    payload,
    maxAttempts: 3,
    run: async ({ tag }) => {
      ran.push(tag);
    },
  }),
);

const enqueue = (kind: string, tag: string, userId?: string) =>
  withSystemDb("test:enqueue", (tx) => enqueueJob(tx, kind, { tag }, userId ? { userId } : {}));

beforeEach(async () => {
  await clearJobs();
  ran.length = 0;
});

describe("per-practitioner concurrency", () => {
  it("one practitioner's 50 jobs do not hold back another's 2 (limit 1)", async () => {
    const [a, b] = [await createUser(), await createUser()];
    for (let n = 0; n < 50; n += 1) await enqueue("test.record", `a${n}`, a);
    await enqueue("test.record", "b0", b);
    await enqueue("test.record", "b1", b);
    const claim = () =>
      withSystemDb("test:claim", (tx) => claimDueJobs(tx, { limit: 10, perUserLimit: 1, workerId: "test" }));
    const first = await claim();
    expect(first.map((job) => job.userId).sort()).toEqual([a, b].sort());
    // Both practitioners are at their limit until a job finishes.
    expect(await claim()).toEqual([]);
    await rows(sql`update app_private.jobs set status = 'succeeded' where status = 'running'`);
    const second = await claim();
    expect(second.map((job) => job.userId).sort()).toEqual([a, b].sort());

    // The same through the worker: B's two jobs run in the first two passes.
    await clearJobs();
    for (let n = 0; n < 50; n += 1) await enqueue("test.record", `a${n}`, a);
    await enqueue("test.record", "b0", b);
    await enqueue("test.record", "b1", b);
    const summary = await processDueJobs({ perUserLimit: 1, batchSize: 10, maxPasses: 2, schedule: false });
    expect(summary).toMatchObject({ claimed: 4, succeeded: 4 });
    expect(ran.filter((tag) => tag.startsWith("b")).sort()).toEqual(["b0", "b1"]);
  });

  it("counts running jobs across workers and leaves jobs without a practitioner unlimited", async () => {
    const a = await createUser();
    for (let n = 0; n < 4; n += 1) await enqueue("test.record", `a${n}`, a);
    for (let n = 0; n < 3; n += 1) await enqueue("test.record", `system${n}`);
    const claim = (workerId: string) =>
      withSystemDb("test:claim", (tx) => claimDueJobs(tx, { limit: 10, perUserLimit: 2, workerId }));
    const [one, two] = await Promise.all([claim("w1"), claim("w2")]);
    const claimed = [...one, ...two];
    expect(claimed.filter((job) => job.userId === a)).toHaveLength(2);
    expect(claimed.filter((job) => job.userId === null)).toHaveLength(3);
  });
});

describe("leases and heartbeats", () => {
  it("a heartbeat extends the lease; a lost lease aborts the handler and records nothing", async () => {
    const entered = deferred<JobRunContext>();
    const proceed = deferred();
    let heartbeatError: unknown;
    registerJobKind(
      "test.long",
      jobKind({
        mode: "outside",
        payload,
        maxAttempts: 3,
        leaseSeconds: 30,
        run: async (_payload, context) => {
          entered.resolve(context);
          await proceed.promise;
          await context.heartbeat();
          await proceed2.promise;
          try {
            await context.heartbeat();
          } catch (error) {
            heartbeatError = error;
            throw error;
          }
        },
      }),
    );
    const proceed2 = deferred();
    const id = await enqueue("test.long", "mailbox");
    const draining = processDueJobs({ schedule: false, maxPasses: 1 });
    const context = await entered.promise;
    await rows(sql`update app_private.jobs set locked_until = now() + interval '2 seconds' where id = ${id}`);
    proceed.resolve();
    // The heartbeat pushed the lease back to its full 30 s.
    await expect.poll(async () => (await jobRow(id))!.lease_left_seconds, { timeout: 5_000 }).toBeGreaterThan(20);
    // Another worker now holds the job (its lease expired and it was claimed again).
    await rows(sql`update app_private.jobs set lease_id = gen_random_uuid() where id = ${id}`);
    proceed2.resolve();
    const summary = await draining;
    expect(heartbeatError).toBeInstanceOf(LeaseLostError);
    expect(context.signal.aborted).toBe(true);
    expect(summary).toMatchObject({ claimed: 1, succeeded: 0, retried: 0, lost: 1 });
    // The other holder's run is untouched: still running under its lease, no error recorded.
    expect(await jobRow(id)).toMatchObject({ status: "running", attempts: 1, last_error: null });
  });

  it("a job run in its own transaction is not run when its lease has gone, and its writes roll back with a failure", async () => {
    let calls = 0;
    registerJobKind(
      "test.transactional",
      jobKind({
        payload,
        maxAttempts: 3,
        run: async ({ tag }, { db }) => {
          calls += 1;
          await db.execute(sql`update auth.users set email = ${`${tag}@changed.example`} where id = ${tag}`);
          throw new Error("failed after writing");
        },
      }),
    );
    const user = await createUser();
    const id = await enqueue("test.transactional", user);
    const worker = new JobWorker({ workerId: "test" });
    const [job] = await withSystemDb("test:claim", (tx) =>
      claimDueJobs(tx, { limit: 1, perUserLimit: 1, workerId: "test" }),
    );
    await rows(sql`update app_private.jobs set lease_id = gen_random_uuid() where id = ${id}`);
    // A stale claim: the worker's run finds the lease gone and does not call the handler.
    expect(await (worker as unknown as { start: (j: typeof job) => Promise<string> }).start(job)).toBe("lost");
    expect(calls).toBe(0);

    await rows(sql`update app_private.jobs set status = 'queued', lease_id = null where id = ${id}`);
    expect(await processDueJobs({ schedule: false, maxPasses: 1 })).toMatchObject({ retried: 1 });
    expect(calls).toBe(1);
    const [email] = await rows<{ email: string }>(sql`select email from auth.users where id = ${user}`);
    expect(email!.email).toBe(`${user}@example.com`);
    expect(await jobRow(id)).toMatchObject({ status: "queued", last_error: "failed after writing" });
  });
});

describe("graceful shutdown", () => {
  it("waits for in-flight jobs within the deadline", async () => {
    const entered = deferred();
    const proceed = deferred();
    registerJobKind(
      "test.finishes",
      jobKind({
        mode: "outside",
        payload,
        maxAttempts: 3,
        run: async () => {
          entered.resolve();
          await proceed.promise;
        },
      }),
    );
    const id = await enqueue("test.finishes", "x");
    const runner = startJobRunner({ intervalMs: 60_000 });
    await entered.promise;
    const stopping = runner.stop(30_000);
    proceed.resolve();
    await stopping;
    expect(await jobRow(id)).toMatchObject({ status: "succeeded" });
  });

  it("past the deadline aborts the job and gives its lease back without counting the attempt", async () => {
    const entered = deferred<AbortSignal>();
    registerJobKind(
      "test.hangs",
      jobKind({
        mode: "outside",
        payload,
        maxAttempts: 3,
        run: async (_payload, { signal }) => {
          entered.resolve(signal);
          await new Promise((_resolve, reject) =>
            signal.addEventListener("abort", () => reject(signal.reason as Error)),
          );
        },
      }),
    );
    const id = await enqueue("test.hangs", "x");
    const runner = startJobRunner({ intervalMs: 60_000 });
    const signal = await entered.promise;
    await runner.stop(50);
    expect(signal.aborted).toBe(true);
    expect(await jobRow(id)).toMatchObject({ status: "queued", attempts: 0, lease_id: null, last_error: null });
    // A stopped runner claims nothing more.
    await expect.poll(async () => (await jobRow(id))!.status, { timeout: 300, interval: 100 }).toBe("queued");
  });
});
