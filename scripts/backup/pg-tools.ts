import { spawn } from "node:child_process";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";

/** libpq connection settings for a URL, with the password in the environment rather than the process list. */
export function libpqTarget(url: string): { dbname: string; env: Record<string, string> } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { dbname: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/**
 * Runs a Postgres client tool. With `stdout`, its output is streamed through those stages; with
 * `captureStdout` it is returned. On failure the error carries the tool's own stderr.
 */
export async function runPgTool(
  command: "pg_dump" | "pg_restore",
  args: string[],
  options: {
    env?: Record<string, string>;
    stdout?: [NodeJS.ReadWriteStream[], Writable];
    captureStdout?: boolean;
  } = {},
): Promise<string> {
  const child = spawn(command, args, {
    env: { ...process.env, ...options.env },
    stdio: ["ignore", options.stdout || options.captureStdout ? "pipe" : "ignore", "pipe"],
  });
  let stdout = "";
  if (options.captureStdout)
    (child.stdout as NodeJS.ReadableStream).setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
  let stderr = "";
  (child.stderr as NodeJS.ReadableStream).setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.once("error", (error) => reject(new Error(`${command} could not start: ${error.message}`)));
    child.once("close", (code) => resolve(code ?? 1));
  });
  const streamed = options.stdout
    ? pipeline([child.stdout as NodeJS.ReadableStream, ...options.stdout[0], options.stdout[1]])
    : Promise.resolve();
  const [code] = await Promise.all([exited, streamed]);
  if (code !== 0) throw new Error(`${command} exited with ${code}: ${stderr.trim() || "(no output)"}`);
  return options.captureStdout ? stdout : stderr;
}
