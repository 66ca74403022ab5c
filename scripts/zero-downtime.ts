/**
 * `npm run test:zero-downtime [-- --reuse-build --keep-build --connections 10 --rate 100 --signal SIGTERM]`
 *
 * A rolling deploy under load: builds the production app once into `.next-zero-downtime`, starts
 * two standalone servers (`node server.js`, each on its own embedded data directory, or both on
 * DATABASE_URL when set) behind a round-robin proxy that routes only to instances whose
 * /api/ready answers 200, puts steady autocannon load through the proxy, then restarts instance 1
 * and instance 2 in turn (SIGTERM, wait for a clean exit, start, wait until ready). Prints the
 * request counts and exits non-zero on any failed request or unclean exit.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { AppInstance, waitForStatus200, type StopOutcome } from "../tests/zero-downtime/app-instance";
import { startRoundRobinProxy, type RoundRobinProxy } from "../tests/zero-downtime/round-robin-proxy";

const root = path.resolve(import.meta.dirname, "..");
const DIST_DIR = ".next-zero-downtime";
const WORK_DIR = path.join(root, ".data-zero-downtime");
const PORTS = { proxy: 3121, instances: [3122, 3123] } as const;
/** The deploy phase (start, load, two restarts) must finish within this, build excluded. */
const RUN_BUDGET_MS = 170_000;
/** A JSON route and a server-rendered page (proxy, layout, CSP nonce) in turn; probe paths are left to the proxy. */
const LOAD_PATHS = ["/api/ping", "/sign-in"];

const { values: args } = parseArgs({
  options: {
    "reuse-build": { type: "boolean", default: false },
    "keep-build": { type: "boolean", default: false },
    connections: { type: "string", default: "10" },
    rate: { type: "string", default: "100" },
    // SIGKILL shows what the test catches when an instance stops without a graceful shutdown.
    signal: { type: "string", default: "SIGTERM" },
  },
});

function log(message: string): void {
  process.stdout.write(`[zero-downtime] ${message}\n`);
}

async function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(command, commandArgs, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
  const code = await new Promise<number | null>((resolve) => child.once("exit", (exitCode) => resolve(exitCode)));
  if (code !== 0) throw new Error(`${path.basename(command)} ${commandArgs.join(" ")} exited with ${code}`);
}

/** `next build` into its own directory, given a scratch tsconfig so Next's additions never touch tsconfig.json. */
async function build(): Promise<void> {
  const scratch = path.join(root, `${DIST_DIR}-tsconfig`);
  fs.mkdirSync(scratch, { recursive: true });
  fs.writeFileSync(
    path.join(scratch, "tsconfig.json"),
    JSON.stringify({ extends: "../tsconfig.json", include: ["../next-env.d.ts", "../src/**/*.ts", "../src/**/*.tsx"] }),
  );
  try {
    await run(path.join(root, "node_modules/.bin/next"), ["build"], {
      ...process.env,
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TSCONFIG_PATH: path.relative(root, path.join(scratch, "tsconfig.json")),
      NEXT_SKIP_TYPECHECK: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  // The standalone server serves static assets only from beside itself.
  const standalone = path.join(root, DIST_DIR, "standalone");
  fs.cpSync(path.join(root, DIST_DIR, "static"), path.join(standalone, DIST_DIR, "static"), { recursive: true });
  if (fs.existsSync(path.join(root, "public")))
    fs.cpSync(path.join(root, "public"), path.join(standalone, "public"), { recursive: true });
}

/** Shared Postgres is migrated once, as a deploy pipeline does before rolling the app. */
async function migrateSharedDatabase(url: string): Promise<void> {
  const { openPostgres } = await import("../src/server/db/postgres-driver");
  const { migrate } = await import("../src/server/db/migrator");
  const handle = openPostgres({ url, max: 1 });
  try {
    const applied = await migrate(handle.sql);
    log(`shared database migrated (${applied.length} applied)`);
  } finally {
    await handle.close();
  }
}

function instanceEnv(name: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: "info",
    SHUTDOWN_GRACE_SECONDS: "15",
    APP_URL: process.env.APP_URL ?? `http://127.0.0.1:${PORTS.proxy}`,
  };
  if (process.env.DATABASE_URL) {
    env.APP_ENCRYPTION_KEYS ??= `zd:${randomBytes(32).toString("base64url")}`;
  } else {
    // Embedded mode locks a data directory to one process: each instance has its own.
    env.DATA_DIR = path.join(WORK_DIR, name);
  }
  return env;
}

interface Restart extends StopOutcome {
  name: string;
  readyAgainMs: number;
}

async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function rollingRestart(instances: AppInstance[], proxy: RoundRobinProxy): Promise<Restart[]> {
  const restarts: Restart[] = [];
  for (const [index, instance] of instances.entries()) {
    const { name, port } = instance.options;
    const signal = args.signal as NodeJS.Signals;
    log(`${signal} ${name}`);
    const outcome = await instance.stop(signal);
    log(`${name} exited with ${outcome.exitCode ?? outcome.signal} after ${outcome.durationMs} ms; starting it again`);
    const restarted = Date.now();
    instance.start();
    await waitForStatus200(`http://127.0.0.1:${port}/api/ready`, 90_000);
    // Wait until the proxy routes to it again, so the next restart never leaves zero instances.
    await waitUntil(() => proxy.upstreams[index]?.health === "ready", 10_000, `the proxy seeing ${name} ready`);
    restarts.push({ name, ...outcome, readyAgainMs: Date.now() - restarted });
    log(`${name} ready again after ${Date.now() - restarted} ms`);
    if (index < instances.length - 1) await new Promise((resolve) => setTimeout(resolve, 3_000));
  }
  return restarts;
}

async function main(): Promise<number> {
  const standalone = path.join(root, DIST_DIR, "standalone");
  if (!args["reuse-build"] || !fs.existsSync(path.join(standalone, "server.js"))) {
    log(`building into ${DIST_DIR}`);
    const started = Date.now();
    await build();
    log(`built in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  const watchdog = setTimeout(() => {
    log(`over the ${RUN_BUDGET_MS / 1000} s budget: aborting`);
    process.exit(2);
  }, RUN_BUDGET_MS).unref();

  fs.rmSync(WORK_DIR, { recursive: true, force: true });
  fs.mkdirSync(WORK_DIR, { recursive: true });
  if (process.env.DATABASE_URL) await migrateSharedDatabase(process.env.DATABASE_URL);

  const instances = PORTS.instances.map(
    (port, index) =>
      new AppInstance({
        name: `instance ${index + 1}`,
        port,
        serverDir: standalone,
        env: instanceEnv(`instance-${index + 1}`),
        logFile: path.join(WORK_DIR, `instance-${index + 1}.log`),
      }),
  );
  const proxy = await startRoundRobinProxy({
    port: PORTS.proxy,
    upstreams: instances.map(({ options }) => ({ name: options.name, port: options.port })),
  });
  try {
    for (const instance of instances) instance.start();
    await Promise.all(
      instances.map(({ options }) => waitForStatus200(`http://127.0.0.1:${options.port}/api/ready`, 120_000)),
    );
    await waitForStatus200(`${proxy.url}/api/ping`, 10_000);
    log(`both instances ready behind ${proxy.url}; load starts`);

    const statusCounts = new Map<number, number>();
    let finish: (result: autocannon.Result) => void = () => undefined;
    let abort: (error: Error) => void = () => undefined;
    const finished = new Promise<autocannon.Result>((resolve, reject) => {
      finish = resolve;
      abort = reject;
    });
    const load = autocannon(
      {
        url: proxy.url,
        connections: Number(args.connections),
        // Steady traffic, not a stress test: a saturated instance fails its health checks with or without a deploy.
        overallRate: Number(args.rate),
        duration: Math.round(RUN_BUDGET_MS / 1000),
        requests: LOAD_PATHS.map((requestPath) => ({
          method: "GET",
          path: requestPath,
          onResponse: (status: number) => void statusCounts.set(status, (statusCounts.get(status) ?? 0) + 1),
        })),
      },
      (error: Error | null, result) => (error ? abort(error) : finish(result)),
    );

    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const restarts = await rollingRestart(instances, proxy);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    load.stop();
    const result = await finished;
    clearTimeout(watchdog);

    const failedConnections = result.errors + result.timeouts;
    log("");
    log(
      `requests answered:     ${result.requests.total} (${result.duration.toFixed(0)} s, ${result.requests.average} req/s)`,
    );
    log(`by status:             ${[...statusCounts].map(([status, count]) => `${status}×${count}`).join(", ")}`);
    log(`non-2xx:               ${result.non2xx}`);
    log(`errors / timeouts:     ${result.errors} / ${result.timeouts}`);
    log(`proxy 502 / 503:       ${proxy.upstreams.reduce((sum, state) => sum + state.failed, 0)} / ${proxy.refused}`);
    if (proxy.failures.size > 0)
      log(`proxy failure causes:  ${[...proxy.failures].map(([cause, count]) => `${cause}×${count}`).join(", ")}`);
    log(`served per instance:   ${proxy.upstreams.map((state) => `${state.name} ${state.served}`).join(", ")}`);
    log(`latency p50/p99:       ${result.latency.p50} ms / ${result.latency.p99} ms`);
    for (const state of proxy.upstreams) log(`${state.name} as the proxy saw it: ${state.transitions.join(", ")}`);
    for (const restart of restarts) {
      log(
        `${restart.name}: exit ${restart.exitCode ?? restart.signal} ${restart.durationMs} ms after the signal, ready again in ${restart.readyAgainMs} ms`,
      );
    }
    const uncleanExits = restarts.filter((restart) => restart.exitCode !== 0).length;
    const failed = result.non2xx + failedConnections + uncleanExits;
    log(failed === 0 ? "PASS: zero failed requests during the rolling restart" : `FAIL: ${failed} failure(s)`);
    return failed === 0 ? 0 : 1;
  } finally {
    await Promise.allSettled(
      instances.map((instance) => instance.stop("SIGTERM", 30_000).catch(() => instance.kill())),
    );
    await proxy.close();
    if (!args["keep-build"]) fs.rmSync(path.join(root, DIST_DIR), { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `[zero-downtime] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
