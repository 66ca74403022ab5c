import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIST_DIR, ensureProductionBuild, stopServer, waitForHealthy } from "./support/production-build";

const PORT = "3172";
const baseUrl = `http://127.0.0.1:${PORT}`;
const startScript = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start;

let dataDir = "";
let server: ChildProcess | undefined;
let output = "";

beforeAll(async () => {
  ensureProductionBuild();
  // Relative, as in a checkout's .env.local: it must resolve against the project, not server.js's folder.
  dataDir = `.data-npm-start-${process.pid}`;
  const [command, ...args] = startScript.split(" ");
  // What `npm start` runs, on a build in DIST_DIR.
  server = spawn(command!, args, {
    env: {
      NODE_ENV: "production",
      PATH: process.env.PATH,
      NEXT_DIST_DIR: DIST_DIR,
      PORT,
      HOSTNAME: "127.0.0.1",
      DATA_DIR: dataDir,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await waitForHealthy(baseUrl, server).catch((error: Error) => {
    throw new Error(`${error.message}\n${output.slice(-4000)}`);
  });
});

afterAll(async () => {
  if (server) await stopServer(server);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start", () => {
  it("runs the standalone server, not next start", () => {
    expect(startScript).toBe("node scripts/start.mjs");
    expect(output).not.toMatch(/"next start" does not work with "output: standalone"/);
  });

  it("keeps a relative DATA_DIR in the project, not in the build directory server.js runs from", () => {
    expect(readdirSync(path.resolve(dataDir))).toContain("db");
  });

  it("serves the static files it copied beside the server", async () => {
    const page = await (await fetch(`${baseUrl}/sign-in`)).text();
    const asset = /\/_next\/static\/[^"']+\.js/.exec(page)?.[0];
    expect(asset).toBeDefined();
    const response = await fetch(`${baseUrl}${asset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("exits 0 on SIGTERM after its graceful shutdown", async () => {
    const exited = new Promise<number | null>((resolve) => server!.once("exit", (code) => resolve(code)));
    server!.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
