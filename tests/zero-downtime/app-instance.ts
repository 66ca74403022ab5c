import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";

export interface InstanceOptions {
  name: string;
  port: number;
  /** The standalone build's directory (where server.js is). */
  serverDir: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
}

export interface StopOutcome {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  durationMs: number;
}

/** One production server process (`node server.js`, as the Dockerfile runs it), restartable on the same port. */
export class AppInstance {
  private child: ChildProcess | undefined;
  private exited: Promise<StopOutcome> | undefined;
  private signalledAt = 0;

  constructor(readonly options: InstanceOptions) {}

  start(): void {
    const log = fs.openSync(this.options.logFile, "a");
    const child = spawn(process.execPath, ["server.js"], {
      cwd: this.options.serverDir,
      env: { ...this.options.env, PORT: String(this.options.port), HOSTNAME: "127.0.0.1" },
      stdio: ["ignore", log, log],
    });
    fs.closeSync(log);
    this.child = child;
    this.exited = new Promise((resolve) => {
      child.once("exit", (exitCode, signal) =>
        resolve({ exitCode, signal, durationMs: Date.now() - this.signalledAt }),
      );
    });
  }

  /** Sends `signal` and waits for the process to exit on its own (it must, within the grace period). */
  async stop(signal: NodeJS.Signals = "SIGTERM", timeoutMs = 60_000): Promise<StopOutcome> {
    if (!this.child || !this.exited) throw new Error(`${this.options.name} is not running`);
    this.signalledAt = Date.now();
    this.child.kill(signal);
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error(`${this.options.name} did not exit within ${timeoutMs} ms`)),
        timeoutMs,
      ).unref(),
    );
    const outcome = await Promise.race([this.exited, timeout]);
    this.child = undefined;
    return outcome;
  }

  /** Last resort on the way out of an aborted run: no grace. */
  kill(): void {
    this.child?.kill("SIGKILL");
    this.child = undefined;
  }
}

/** Polls `url` until it answers 200, or fails after `timeoutMs`. */
export async function waitForStatus200(url: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return Date.now() - started;
    } catch {
      // Not listening yet, or still booting.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}
