import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const root = path.resolve(import.meta.dirname, "../..");
const nextBin = path.join(root, "node_modules/.bin/next");

export interface RunningApp {
  baseUrl: string;
  logFile: string;
  /** The app's process group (it is started detached, so the group's id is its pid). */
  groupId: number;
  stop: () => Promise<void>;
}

/**
 * `next build` into its own dist dir, so the benchmark never disturbs a dev server or another build.
 * Next adds that dir's type folders to tsconfig.json while building; the file is put back as it was.
 */
export async function buildApp(distDir: string): Promise<void> {
  const tsconfig = path.join(root, "tsconfig.json");
  const original = fs.readFileSync(tsconfig, "utf8");
  const child = spawn(nextBin, ["build"], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  try {
    const code = await exitOf(child);
    if (code !== 0) throw new Error(`next build exited with ${code}`);
  } finally {
    if (fs.readFileSync(tsconfig, "utf8") !== original) fs.writeFileSync(tsconfig, original);
  }
}

export interface StartOptions {
  distDir: string;
  port: number;
  env: Record<string, string>;
  logFile: string;
  readyTimeoutSeconds?: number;
  /** A standalone server.js to run instead of `npm start`'s (the bare reference app); ready when `readyPath` answers 200. */
  script?: string;
  readyPath?: string;
}

/** `npm start`'s standalone server (or `script`) in its own process group (so stop() ends it whole), answering once /api/ready is 200. */
export async function startApp(options: StartOptions): Promise<RunningApp> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const log = fs.openSync(options.logFile, "w");
  const child = spawn(process.execPath, [options.script ?? path.join(root, "scripts/start.mjs")], {
    cwd: options.script ? path.dirname(options.script) : root,
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      ...options.env,
      NEXT_DIST_DIR: options.distDir,
      NODE_ENV: "production",
      PORT: String(options.port),
      HOSTNAME: "127.0.0.1",
    },
  });
  fs.closeSync(log);
  const exited = exitOf(child);
  const app: RunningApp = {
    baseUrl,
    logFile: options.logFile,
    groupId: child.pid ?? -1,
    stop: () => stopGroup(child, exited),
  };

  const deadline = Date.now() + (options.readyTimeoutSeconds ?? 120) * 1000;
  let stillRunning = true;
  void exited.then(() => (stillRunning = false));
  while (Date.now() < deadline && stillRunning) {
    if (await answers(`${baseUrl}${options.readyPath ?? "/api/ready"}`)) return app;
    await sleep(250);
  }
  await app.stop();
  throw new Error(`the app did not become ready at ${baseUrl}:\n${tail(options.logFile, 30)}`);
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : null)));
  });
}

async function stopGroup(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), signal);
    } catch {
      // The group is already gone.
    }
  };
  signalGroup("SIGTERM");
  const stopped = await Promise.race([exited.then(() => true), sleep(30_000).then(() => false)]);
  if (!stopped) {
    signalGroup("SIGKILL");
    await exited;
  }
}

export function tail(file: string, lines: number): string {
  if (!fs.existsSync(file)) return "";
  return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}
