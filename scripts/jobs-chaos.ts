/**
 * npm run test:jobs-chaos — the job queue survives workers killed mid-run. Against real Postgres
 * (TEST_DATABASE_URL; it creates and drops its own database): 1,000 jobs whose side effect is a
 * row written in the job's transaction, a worker process SIGKILLed twice while it runs them and
 * started again, then: every job succeeded (none lost, none dead) and every side effect applied
 * exactly once. Under CI=true a missing or unreachable Postgres fails the run; elsewhere it skips.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import postgres from "postgres";
import { migrate } from "@/server/db/migrator";
import { openPostgres } from "@/server/db/postgres-driver";

const JOBS = 1_000;
const KILL_AT = [250, 600];
const DRAIN_TIMEOUT_MS = 240_000;
const root = path.resolve(import.meta.dirname, "..");

function fail(message: string): never {
  process.stderr.write(`jobs chaos: FAILED — ${message}\n`);
  process.exit(1);
}

if (process.argv.includes("--help") || process.argv.includes("-h")) {
  process.stdout.write(
    "Usage: npm run test:jobs-chaos\n\n1,000 jobs, a worker SIGKILLed twice mid-run and restarted: asserts none lost and none applied twice.\nNeeds TEST_DATABASE_URL (creates and drops its own database); skips without it unless CI=true.\n",
  );
  process.exit(0);
}

const baseUrl = process.env.TEST_DATABASE_URL;
if (!baseUrl) {
  if (process.env.CI === "true") fail("TEST_DATABASE_URL is not set (CI=true needs real Postgres)");
  process.stdout.write("jobs chaos: skipped (set TEST_DATABASE_URL to a Postgres server to run it)\n");
  process.exit(0);
}

const databaseName = `omnicrm_jobs_chaos_${process.pid}_${Date.now().toString(36)}`;
const databaseUrl = (() => {
  const url = new URL(baseUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
})();

const admin = postgres(baseUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
try {
  await admin`select 1`;
} catch (error) {
  await admin.end({ timeout: 1 }).catch(() => {});
  fail(`cannot reach Postgres at TEST_DATABASE_URL: ${error instanceof Error ? error.message : String(error)}`);
}

const started = Date.now();
await admin.unsafe(`create database "${databaseName}"`);
const db = postgres(databaseUrl, { max: 2, onnotice: () => {} });
let worker: ChildProcess | undefined;
let exitCode = 1;

try {
  const handle = openPostgres({ url: databaseUrl, max: 1 });
  await migrate(handle.sql);
  await handle.close();
  await db`create table app_private.chaos_side_effects (job_id uuid not null, n integer not null, applied_at timestamptz not null default now())`;
  await db`
    insert into app_private.jobs (kind, payload, max_attempts)
    select 'chaos.record', jsonb_build_object('n', n), 25 from generate_series(1, ${JOBS}) as n`;

  const succeeded = async () =>
    Number((await db`select count(*)::int as n from app_private.jobs where status = 'succeeded'`)[0]?.n);
  const waitFor = async (what: string, done: () => Promise<boolean>) => {
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      if (worker?.exitCode !== null && worker?.exitCode !== undefined)
        throw new Error(`the worker exited with code ${worker.exitCode} while waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const kills: { at: number; running: number }[] = [];
  worker = startWorker();
  for (const threshold of KILL_AT) {
    await waitFor(`${threshold} jobs done`, async () => (await succeeded()) >= threshold);
    // Mid-run: the kill lands while jobs are claimed and their transactions open.
    let running = 0;
    await waitFor("jobs running", async () => {
      running = Number((await db`select count(*)::int as n from app_private.jobs where status = 'running'`)[0]?.n);
      return running > 0;
    });
    worker.kill("SIGKILL");
    await new Promise((resolve) => worker?.once("exit", resolve));
    kills.push({ at: await succeeded(), running });
    worker = startWorker();
  }
  await waitFor(
    "the queue to drain",
    async () =>
      Number(
        (await db`select count(*)::int as n from app_private.jobs where status in ('queued', 'running')`)[0]?.n,
      ) === 0,
  );
  worker.kill("SIGTERM");
  await new Promise((resolve) => worker?.once("exit", resolve));
  worker = undefined;

  const [jobs] = await db`
    select count(*) filter (where status = 'succeeded')::int as succeeded,
           count(*) filter (where status <> 'succeeded')::int as other,
           count(*) filter (where attempts > 1)::int as rerun,
           count(*) filter (where errors::text like '%lease expired%')::int as reclaimed
      from app_private.jobs where kind = 'chaos.record'`;
  const [effects] = await db`
    select count(*)::int as applied, count(distinct job_id)::int as distinct_jobs,
           (select count(*)::int from app_private.jobs j
             where j.kind = 'chaos.record'
               and not exists (select 1 from app_private.chaos_side_effects e where e.job_id = j.id)) as missing
      from app_private.chaos_side_effects`;
  const lost = JOBS - Number(jobs?.succeeded) + Number(effects?.missing);
  const twice = Number(effects?.applied) - Number(effects?.distinct_jobs);

  process.stdout.write(
    [
      `jobs chaos: ${JOBS} jobs, worker SIGKILLed ${kills.length} times (${kills
        .map((kill) => `after ${kill.at} done with ${kill.running} running`)
        .join("; ")}), restarted, drained in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      `  succeeded ${jobs?.succeeded}, not succeeded ${jobs?.other}, run again after a kill ${jobs?.rerun} (lease expired and reclaimed: ${jobs?.reclaimed})`,
      `  side effects applied ${effects?.applied} for ${effects?.distinct_jobs} jobs: lost ${lost}, applied twice ${twice}`,
      "",
    ].join("\n"),
  );
  if (kills.length < 2) throw new Error("the worker was not killed twice");
  if (lost !== 0 || Number(jobs?.other) !== 0) throw new Error(`${lost} job(s) lost, ${jobs?.other} not succeeded`);
  if (twice !== 0) throw new Error(`${twice} side effect(s) applied twice`);
  if (Number(jobs?.reclaimed) === 0) throw new Error("no kill interrupted a running job: the test proved nothing");
  process.stdout.write("jobs chaos: passed (0 lost, 0 applied twice)\n");
  exitCode = 0;
} catch (error) {
  process.stderr.write(`jobs chaos: FAILED — ${error instanceof Error ? error.message : String(error)}\n`);
} finally {
  if (worker && worker.exitCode === null) worker.kill("SIGKILL");
  await db.end({ timeout: 5 });
  await admin.unsafe(`drop database if exists "${databaseName}" with (force)`);
  await admin.end({ timeout: 5 });
}
process.exit(exitCode);

function startWorker(): ChildProcess {
  // node itself, with tsx as its loader: the tsx command would fork a second process that a SIGKILL does not reach.
  return spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/jobs-chaos-worker.ts")], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      LOG_LEVEL: "error",
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_MAX: "12",
      APP_URL: "http://127.0.0.1:3000",
      APP_ENCRYPTION_KEYS: `chaos:${randomBytes(32).toString("base64url")}`,
      JOB_USER_CONCURRENCY: "2",
    },
  });
}
