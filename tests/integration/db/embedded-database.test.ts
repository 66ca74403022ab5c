import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { openPglite } from "@/server/db/pglite-driver";

const dirs: string[] = [];
const children: ChildProcess[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-lock-"));
  dirs.push(dir);
  return dir;
}

/** A second process that opens the embedded database and holds it until killed. */
function holdInChildProcess(dir: string): Promise<ChildProcess> {
  const script = `
    import { openPglite } from "./src/server/db/pglite-driver.ts";
    await openPglite(${JSON.stringify(dir)});
    process.stdout.write("open\\n");
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: process.cwd(),
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, TSX_TSCONFIG_PATH: "tsconfig.json" },
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("open")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`holder exited early with ${code}`)));
  });
}

afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("embedded database", () => {
  it("refuses a second process on the same data directory with a clear error, and recovers when it exits", async () => {
    const dir = tempDir();
    const holder = await holdInChildProcess(dir);
    await expect(openPglite(dir)).rejects.toThrow(/is in use by process \d+.*DATA_DIR/);

    holder.kill("SIGKILL");
    await new Promise((resolve) => holder.once("exit", resolve));
    const handle = await openPglite(dir);
    expect(await handle.sql.query("select 1 as one")).toEqual([{ one: 1 }]);
    await handle.close();
  }, 60_000);

  it("refuses a second open inside the same process too", async () => {
    const dir = tempDir();
    const first = await openPglite(dir);
    await expect(openPglite(dir)).rejects.toThrow(/in use/);
    await first.close();
    const again = await openPglite(dir);
    await again.close();
  }, 60_000);

  it("keeps one database handle per process, also when modules are reloaded", async () => {
    const client = await import("@/server/db/client");
    const first = await client.getDatabase();
    vi.resetModules();
    const reloaded = await import("@/server/db/client");
    expect(await reloaded.getDatabase()).toBe(first);
  });
});
