/**
 * `npm run measure:first-run [-- --budget 15 --port 3107 --sign-up --keep]`
 *
 * Times a true first run of `npm run dev`: an empty embedded data directory (DATA_DIR in a temp
 * folder) and a fresh Next build directory (NEXT_DIST_DIR, so Turbopack has no cache to reuse), as
 * a fresh clone has. From the terminal's "Ready" line it records when the server finished booting
 * (instrumentation), when the embedded database was ready and when GET /sign-in first answered
 * 200 with the sign-in form — requested as soon as "Ready" is printed, as a person opening the
 * browser would. With --sign-up it then signs up through the API and times the first /clients.
 * Prints the phases and, with --budget <seconds>, exits 1 when "Ready" → first page exceeds it.
 * The temp directories are removed afterwards unless --keep is given.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { signedInCookie } from "./bench/account";

const root = path.resolve(import.meta.dirname, "..");

const { values: args } = parseArgs({
  options: {
    budget: { type: "string" },
    port: { type: "string", default: "3107" },
    "sign-up": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    timeout: { type: "string", default: "600" },
  },
});

const port = Number(args.port);
const budgetSeconds = args.budget === undefined ? undefined : Number(args.budget);
if (!Number.isInteger(port) || port <= 0) throw new Error(`--port must be a port number, got "${args.port}"`);
if (budgetSeconds !== undefined && !(budgetSeconds > 0))
  throw new Error(`--budget must be seconds, got "${args.budget}"`);
const timeoutMs = Number(args.timeout) * 1000;

const baseUrl = `http://127.0.0.1:${port}`;
const id = randomBytes(4).toString("hex");
const distDir = `.next-first-run-${id}`;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-first-run-"));
const dataDir = path.join(scratch, "data");
const logFile = path.join(scratch, "dev.log");
// Next adds its build directory's type folders to the tsconfig it is given: a scratch one keeps tsconfig.json as it is.
const tsconfigDir = path.join(root, `${distDir}-tsconfig`);
fs.mkdirSync(tsconfigDir, { recursive: true });
fs.writeFileSync(
  path.join(tsconfigDir, "tsconfig.json"),
  JSON.stringify({ extends: "../tsconfig.json", include: ["../next-env.d.ts", "../src/**/*.ts", "../src/**/*.tsx"] }),
);

/** Milestones, in ms since the dev script was started. */
const marks = new Map<string, number>();
const started = performance.now();
const loadAtStart = os.loadavg()[0] ?? 0;
const mark = (name: string) => {
  if (!marks.has(name)) marks.set(name, performance.now() - started);
};

/** Terminal lines that stand for a phase: Next's own, and the app's log messages (pretty-printed by the dev script). */
const PHASES: [string, RegExp][] = [
  ["ready", /Ready in/],
  ["database preparing", /preparing the embedded database/],
  ["database ready", /embedded database ready/],
  ["instrumentation done", /server booted/],
];

const child = spawn(process.execPath, [path.join(root, "scripts/dev.mjs"), "-p", String(port)], {
  cwd: root,
  detached: true,
  stdio: ["ignore", "pipe", "pipe"],
  env: {
    ...process.env,
    DATA_DIR: dataDir,
    NEXT_DIST_DIR: distDir,
    NEXT_TSCONFIG_PATH: path.relative(root, path.join(tsconfigDir, "tsconfig.json")),
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "development",
    PORT: String(port),
  },
});
const log = fs.createWriteStream(logFile);
let exited = false;
child.once("exit", () => (exited = true));
for (const stream of [child.stdout, child.stderr]) {
  let pending = "";
  stream.on("data", (chunk: Buffer) => {
    log.write(chunk);
    pending += chunk.toString("utf8");
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) for (const [name, pattern] of PHASES) if (pattern.test(line)) mark(name);
  });
}

async function waitFor(name: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!marks.has(name)) {
    if (exited) throw new Error(`npm run dev exited before "${name}"`);
    if (Date.now() > deadline) throw new Error(`no "${name}" within ${args.timeout} s`);
    await sleep(20);
  }
}

/** GETs `route` until it answers 200 with `content` in its body; one request at a time, as a browser would wait. */
async function firstPage(route: string, content: RegExp, headers: Record<string, string> = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (exited) throw new Error(`npm run dev exited before ${route} answered`);
    try {
      const response = await fetch(`${baseUrl}${route}`, {
        headers,
        redirect: "manual",
        signal: AbortSignal.timeout(deadline - Date.now()),
      });
      const body = await response.text();
      if (response.status === 200 && content.test(body)) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(100);
  }
  throw new Error(`${route} did not answer within ${args.timeout} s (last: ${last})`);
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? "—" : `${(ms / 1000).toFixed(1)} s`;
}

async function stop(): Promise<void> {
  if (!exited && child.pid !== undefined) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
    const deadline = Date.now() + 15_000;
    while (!exited && Date.now() < deadline) await sleep(100);
    if (!exited) process.kill(-child.pid, "SIGKILL");
  }
  log.end();
}

let failure: Error | undefined;
try {
  await waitFor("ready");
  await firstPage("/sign-in", /Welcome back/);
  mark("first page");
  if (args["sign-up"]) {
    const cookie = await signedInCookie(baseUrl);
    mark("signed up");
    await firstPage("/clients", /<h1[^>]*>[^<]*Clients/, { cookie });
    mark("clients page");
  }
  // The boot may still be running (it no longer blocks the first page): its phases are part of the report.
  await Promise.race([waitFor("instrumentation done"), sleep(Math.min(timeoutMs, 120_000))]);
} catch (error) {
  failure = error instanceof Error ? error : new Error(String(error));
} finally {
  await stop();
}

const ready = marks.get("ready");
const rows: [string, number | undefined][] = [
  ["Ready (from npm run dev)", ready],
  ...[...marks.entries()]
    .filter(([name]) => name !== "ready")
    .sort((a, b) => a[1] - b[1])
    .map(([name, at]): [string, number | undefined] => [
      `${name} (after Ready)`,
      ready === undefined ? undefined : at - ready,
    ]),
];
process.stdout.write(
  `\nFirst run of npm run dev (empty ${path.relative(root, dataDir) || dataDir}, fresh ${distDir})\n`,
);
for (const [label, at] of rows) process.stdout.write(`  ${label.padEnd(38)} ${seconds(at).padStart(8)}\n`);
// Compiling is CPU-bound: the machine's load says how far these figures are from an idle machine's.
process.stdout.write(
  `  (${os.cpus().length} CPUs; 1-minute load average ${loadAtStart.toFixed(1)} at start, ${(os.loadavg()[0] ?? 0).toFixed(1)} at the end)\n`,
);

const firstPageAt = marks.get("first page");
const toFirstPage = ready !== undefined && firstPageAt !== undefined ? firstPageAt - ready : undefined;
if (!args.keep) {
  fs.rmSync(path.join(root, distDir), { recursive: true, force: true });
  fs.rmSync(tsconfigDir, { recursive: true, force: true });
}
if (failure) {
  process.stderr.write(`\n${failure.message}\n`);
  process.stderr.write(
    `last lines of ${logFile}:\n${fs.readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n")}\n`,
  );
  process.exit(1);
}
if (!args.keep) fs.rmSync(scratch, { recursive: true, force: true });
process.stdout.write(`  ${"Ready → first page".padEnd(38)} ${seconds(toFirstPage).padStart(8)}\n`);
if (budgetSeconds !== undefined && toFirstPage !== undefined && toFirstPage > budgetSeconds * 1000) {
  process.stderr.write(`over the budget of ${budgetSeconds} s\n`);
  process.exit(1);
}
process.exit(0);
