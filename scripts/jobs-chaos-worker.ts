/**
 * The worker process of `npm run test:jobs-chaos`: the app's job runner plus the one kind the chaos
 * test needs, registered only here so the app never knows it. Started (and SIGKILLed) by
 * scripts/jobs-chaos.ts with DATABASE_URL naming the throwaway database.
 */
import { sql } from "drizzle-orm";
import { z } from "@/lib/zod";
import { closeDatabase } from "@/server/db";
import { jobKind, registerJobKind } from "@/server/jobs/registry";
import { startJobRunner } from "@/server/jobs/runner";

export const CHAOS_KIND = "chaos.record";

registerJobKind(
  CHAOS_KIND,
  jobKind({
    payload: z.object({ n: z.number().int() }).strict(),
    maxAttempts: 25,
    leaseSeconds: 2,
    // The side effect commits with "succeeded" in the job's transaction; the sleep widens the window a kill lands in.
    run: async ({ n }, { db, jobId }) => {
      await db.execute(sql`insert into app_private.chaos_side_effects (job_id, n) values (${jobId}, ${n})`);
      await db.execute(sql`select pg_sleep(${0.01 + Math.random() * 0.04})`);
    },
  }),
);

const runner = startJobRunner({ intervalMs: 1_000, batchSize: 10 });
// The runner's timers never hold a process open (a server's do that); this process is only the runner, so
// it holds itself open until told to stop, even while every job is leased to the worker just killed.
const keepAlive = setInterval(() => undefined, 60_000);
process.stdout.write("chaos worker ready\n");

process.once("SIGTERM", () => {
  clearInterval(keepAlive);
  void runner
    .stop(3_000)
    .then(() => closeDatabase())
    .then(() => process.exit(0));
});
