import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export interface RunningApp {
  url: string;
  stop(): Promise<void>;
}

/** The command that serves the production build here, or undefined when nothing is built. */
export function defaultAppCommand(root: string): string | undefined {
  if (fs.existsSync(path.join(root, ".next/standalone/server.js"))) return "node .next/standalone/server.js";
  if (fs.existsSync(path.join(root, ".next/BUILD_ID"))) return "npx next start";
  return undefined;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

/**
 * Starts the app with `env` (its own process group, so the whole tree stops together) and waits
 * until `/api/health` answers 200, or fails with the end of the app's output.
 */
export async function startApp(command: string, env: NodeJS.ProcessEnv, timeoutMs = 90_000): Promise<RunningApp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn("sh", ["-c", command], {
    env: { ...env, PORT: String(port), HOSTNAME: "127.0.0.1", APP_URL: url, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  for (const stream of [child.stdout, child.stderr])
    stream?.setEncoding("utf8").on("data", (chunk: string) => {
      output = (output + chunk).slice(-4000);
    });
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    process.kill(-child.pid, "SIGTERM");
    const killer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 30_000);
    await exited(child);
    clearTimeout(killer);
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The app exited with ${child.exitCode} before it was healthy:\n${output}`);
    const healthy = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) })
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`The app was not healthy within ${timeoutMs / 1000}s:\n${output}`);
}

/** Runs the smoke command against `url`, streaming its report; resolves with its exit code. */
export function runSmoke(command: string, url: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn("sh", ["-c", `${command} "$0"`, url], { env, stdio: ["ignore", "inherit", "inherit"] });
    child.once("exit", (code) => resolve(code ?? 1));
  });
}
