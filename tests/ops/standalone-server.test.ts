import { execFile, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readStages } from "./support/dockerfile";
import {
  assembleRunnerImage,
  containerEnv,
  ensureProductionBuild,
  startLikeContainer,
  stopServer,
  waitForHealthy,
} from "./support/production-build";

const run = promisify(execFile);
const PORT = "3171";
const baseUrl = `http://127.0.0.1:${PORT}`;
const stages = readStages(readFileSync("Dockerfile.prod", "utf8"));
const runner = stages.at(-1)!;
const builder = stages.find((stage) => stage.name === runner.copies[0]?.from)!;

let image = "";
let dataDir = "";
let server: ChildProcess | undefined;
let output = "";

beforeAll(async () => {
  ensureProductionBuild();
  image = assembleRunnerImage(runner, builder);
  dataDir = mkdtempSync(path.join(os.tmpdir(), "omnicrm-data-"));
  // What `docker run -p 3171:3171 -e PORT=3171 -v <dir>:/data` would change; everything else is the image's.
  server = startLikeContainer(runner, image, { PORT, DATA_DIR: dataDir });
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await waitForHealthy(baseUrl, server).catch((error: Error) => {
    throw new Error(`${error.message}\n${output.slice(-4000)}`);
  });
});

afterAll(async () => {
  if (server) await stopServer(server);
  for (const directory of [image, dataDir]) if (directory) rmSync(directory, { recursive: true, force: true });
});

describe("the standalone server started as the Dockerfile's CMD", () => {
  it("passes the smoke test", async () => {
    const result = await run("npx", ["tsx", "scripts/smoke.ts", baseUrl], { timeout: 60_000 }).catch(
      (error: { stdout: string; code: number }) => error,
    );
    expect(result.stdout).toContain("All 6 checks passed.");
  });

  it("is healthy by the image's own HEALTHCHECK command", async () => {
    const [command, ...args] = runner.healthcheck!;
    const result = await run(command!, args, {
      env: containerEnv(runner, { PORT }),
    });
    expect(result.stderr).toBe("");
  });

  it("keeps its data in DATA_DIR, the image's volume", () => {
    expect(readdirSync(dataDir)).toContain("db");
  });
});
