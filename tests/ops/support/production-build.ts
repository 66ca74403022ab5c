import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Stage } from "./dockerfile";

const ROOT = path.resolve(import.meta.dirname, "../../..");
/**
 * This suite's own build directory, so it never disturbs `.next` or another build running beside it;
 * OPS_BUILD_DIR=.next with OPS_REUSE_BUILD=1 tests the build CI has already made instead.
 */
export const DIST_DIR = process.env.OPS_BUILD_DIR ?? ".next-delivery";

/** Builds the app into DIST_DIR (reused when OPS_REUSE_BUILD=1 and a standalone build is there). */
export function ensureProductionBuild(): void {
  const server = path.join(ROOT, DIST_DIR, "standalone", "server.js");
  if (process.env.OPS_REUSE_BUILD === "1" && existsSync(server)) return;
  const build = spawnSync("npx", ["next", "build"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    // The build sees only what a CI builder sees: no database or service variables of the machine.
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  if (build.status !== 0 || !existsSync(server)) {
    const output = `${build.stdout}${build.stderr}`.trimEnd().split("\n").slice(-60).join("\n");
    throw new Error(`next build failed (exit ${build.status}):\n${output}`);
  }
}

/** The builder stage writes to `/app/.next`; this suite's build lives in DIST_DIR. */
const fromBuildDirectory = (relative: string) => relative.replace(/^\.next(?=\/|$)/, DIST_DIR);

/**
 * Lays out the runner stage's filesystem as its `COPY --from=<builder>` lines describe, from the
 * local build, and returns the directory standing for its WORKDIR.
 */
export function assembleRunnerImage(runner: Stage, builder: Stage): string {
  const image = mkdtempSync(path.join(os.tmpdir(), "omnicrm-image-"));
  const builderWorkdir = builder.workdir ?? "/";
  for (const copy of runner.copies) {
    if (copy.from !== builder.name) throw new Error(`COPY from ${copy.from ?? "the context"} is not emulated`);
    for (const source of copy.sources) {
      const relative = fromBuildDirectory(path.posix.relative(builderWorkdir, source));
      const from = path.join(ROOT, relative);
      const to = path.join(image, fromBuildDirectory(path.posix.normalize(copy.destination)));
      if (existsSync(from)) {
        cpSync(from, to, { recursive: true });
      } else if (builder.runs.some((run) => run.includes(`mkdir -p ${relative}`))) {
        mkdirSync(to, { recursive: true });
      } else {
        throw new Error(`${source} is neither built nor created by the builder stage`);
      }
    }
  }
  return image;
}

/** The image's ENV over a bare PATH, plus what `docker run -e` would set. */
export function containerEnv(runner: Stage, overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { NODE_ENV: "production", PATH: process.env.PATH, ...runner.env, ...overrides };
}

/** Starts the CMD in WORKDIR with the stage's ENV, plus the overrides `docker run -e` would give. */
export function startLikeContainer(runner: Stage, workdir: string, overrides: Record<string, string>): ChildProcess {
  const [command, ...args] = runner.cmd ?? [];
  if (!command) throw new Error("the runner stage has no JSON-form CMD");
  return spawn(command, args, {
    cwd: workdir,
    env: containerEnv(runner, overrides),
    stdio: ["ignore", "pipe", "pipe"],
  });
}

export async function waitForHealthy(baseUrl: string, child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${baseUrl}/api/health did not answer 200 within ${timeoutMs} ms`);
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  await exited;
  clearTimeout(timer);
}
