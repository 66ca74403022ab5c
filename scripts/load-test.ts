import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildApp, startApp, type RunningApp } from "./bench/server";
import { prepareAccounts, USERS_PER_ACCOUNT } from "./load-test/accounts";
import { scenarioTable, stageProblems } from "./load-test/report";
import { runStage, type StageResult } from "./load-test/run-scenario";
import { DEFAULT_STAGES, SCENARIOS, THRESHOLDS, type Stage } from "./load-test/scenarios";

const HELP = `Usage: npm run load-test [-- options]

Runs the load-test scenarios (${SCENARIOS.map((scenario) => scenario.name).join("; ")})
in stages of ${DEFAULT_STAGES.map((stage) => stage.users).join(" → ")} concurrent users, prints one table per scenario and
exits 1 when a stage misses p95 < ${THRESHOLDS.p95Ms} ms or errors < ${THRESHOLDS.errorRate * 100}%, or the burst does not hit the rate limiter.
Sign-in is reported as a capacity (passwords checked per second): hashing is capped by design.

Options:
  --url <url>          load an existing deployment (it signs up one load-test account there);
                       without it, builds the app into .next-delivery and starts it on --port,
                       embedded (PGlite), or on DATABASE_URL (migrated first) when that is set
  --port <n>           port of the local instance (default 3172)
  --no-build           reuse the build in .next-delivery
  --stages <list>      users:seconds pairs (default ${DEFAULT_STAGES.map((stage) => `${stage.users}:${stage.durationSeconds}`).join(",")})
  --think-time <s>     seconds each user waits between requests (default 1, as the audit's k6 script);
                       0 sends back to back, to find the capacity
  --only <text>        run only the scenarios whose name contains <text>
  --accounts-file <f>  JSON list of { "email", "password" } of existing load-test accounts to sign in
                       (for a deployment, whose sign-up limit sees this machine as one address);
                       otherwise one account per ${USERS_PER_ACCOUNT} users is signed up, each from its own
                       simulated client address, and each creates one client to read
  --help

Only ever point --url at a deployment you own: this sends real load.`;

function parseStages(text: string): Stage[] {
  return text.split(",").map((pair) => {
    const [users, seconds] = pair.split(":").map(Number);
    if (!Number.isInteger(users) || !users || !seconds || seconds <= 0)
      throw new Error(`Bad stage "${pair}" (users:seconds)`);
    return { users, durationSeconds: seconds };
  });
}

const SETTLE_SECONDS = 5;

async function localInstance(port: number, build: boolean, workDir: string): Promise<RunningApp> {
  const distDir = ".next-delivery";
  if (build) await buildApp(distDir);
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    NEXT_TELEMETRY_DISABLED: "1",
    APP_URL: baseUrl,
    DATA_DIR: path.join(workDir, "data"),
    LOG_LEVEL: "warn",
    // The load test plays the one proxy in front of the app: each simulated user's X-Forwarded-For
    // is its client address (scripts/load-test/accounts.ts), so the per-IP sign-up limit sees many callers.
    TRUSTED_PROXY_HOPS: "1",
  };
  if (process.env.DATABASE_URL) {
    // Production mode never migrates a real Postgres by itself.
    execFileSync("npm", ["run", "--silent", "db:migrate"], { stdio: "inherit" });
    const keys = process.env.APP_ENCRYPTION_KEYS ?? `load:${randomBytes(32).toString("base64url")}`;
    Object.assign(env, { APP_ENCRYPTION_KEYS: keys });
  }
  return startApp({ distDir, port, env, logFile: path.join(workDir, "server.log") });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      port: { type: "string", default: "3172" },
      "no-build": { type: "boolean", default: false },
      stages: { type: "string" },
      "think-time": { type: "string", default: "1" },
      only: { type: "string" },
      "accounts-file": { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const stages = values.stages ? parseStages(values.stages) : DEFAULT_STAGES;
  const thinkTimeSeconds = Number(values["think-time"]);
  const scenarios = SCENARIOS.filter((scenario) => !values.only || scenario.name.includes(values.only));
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-load-"));
  let app: RunningApp | undefined;
  try {
    if (!values.url) app = await localInstance(Number(values.port), !values["no-build"], workDir);
    const baseUrl = (values.url ?? app!.baseUrl).replace(/\/$/, "");
    const maxUsers = Math.max(...stages.map((stage) => stage.users));
    const accounts = scenarios.some((scenario) => scenario.signedIn)
      ? await prepareAccounts(baseUrl, Math.ceil(maxUsers / USERS_PER_ACCOUNT), values["accounts-file"])
      : [];
    const context = { baseUrl, accounts, thinkTimeSeconds };
    process.stdout.write(
      `Load test of ${baseUrl} (${values.url ? "remote" : process.env.DATABASE_URL ? "local, Postgres" : "local, embedded PGlite"}): stages ${stages.map((stage) => `${stage.users} users × ${stage.durationSeconds} s`).join(" → ")}, think time ${thinkTimeSeconds} s, ${accounts.length} practitioner account(s)\n`,
    );
    let failures = 0;
    for (const scenario of scenarios) {
      // Let the server finish what the previous scenario queued, so each table measures its own scenario.
      await new Promise((resolve) => setTimeout(resolve, SETTLE_SECONDS * 1000));
      const results: StageResult[] = [];
      for (const stage of scenario.kind === "burst" ? [stages[0]!] : stages) {
        results.push(await runStage(scenario, stage, context));
      }
      failures += results.filter((result) => stageProblems(scenario, result).length > 0).length;
      process.stdout.write(`\n${scenarioTable(scenario, results)}\n`);
    }
    // Numbers from a busy machine are not a baseline: say how busy the load generator's machine was.
    const [load1] = os.loadavg();
    process.stdout.write(
      `\n${failures === 0 ? "All thresholds met" : `${failures} stage(s) missed their thresholds`} (p95 < ${THRESHOLDS.p95Ms} ms, errors < ${THRESHOLDS.errorRate * 100}%). Load average at the end: ${load1?.toFixed(1)} on ${os.availableParallelism()} CPUs.\n`,
    );
    return failures === 0 ? 0 : 1;
  } finally {
    await app?.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
