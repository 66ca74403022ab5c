import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { getDatabase } from "../../../src/server/db";
import type { DatabaseHandle } from "../../../src/server/db/handle";
import { createPglite, pgliteHandle } from "../../../src/server/db/pglite-driver";
import { openPostgres } from "../../../src/server/db/postgres-driver";
import { generateKeyEntry, parseKeyring } from "../../../src/server/crypto/key-material";
import { testDbKind } from "../../support/open-test-database";
import { expectedIntegrations, readIntegrations, seedIntegrations } from "./integration-rows";

const ROWS = 400;
const BATCH = 50;
const oldEntry = generateKeyEntry(new Date("2024-01-01T00:00:00Z"));
const newEntry = generateKeyEntry(new Date("2025-01-01T00:00:00Z"));
const NEW = "k20250101000000";
const keyring = parseKeyring([newEntry, oldEntry]);
const kind = testDbKind();
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-rotate-"));

afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

/** The database the child process rotates: this file's Postgres database, or an on-disk PGlite copy of the template. */
async function rotationTarget(): Promise<{ env: Record<string, string>; open: () => Promise<DatabaseHandle> }> {
  if (kind === "postgres") {
    const { url } = (await getDatabase()) as DatabaseHandle & { url: string };
    return {
      env: { DATABASE_URL: url, APP_URL: "http://127.0.0.1:3131" },
      open: async () => openPostgres({ url, max: 2 }),
    };
  }
  const dump = new Blob([fs.readFileSync(inject("pgliteTemplate"))]);
  const first = await createPglite({ dataDir: path.join(workDir, "db"), loadDataDir: dump });
  await first.close();
  return {
    env: { DATA_DIR: workDir },
    open: async () => pgliteHandle(await createPglite({ dataDir: path.join(workDir, "db") })),
  };
}

interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  lines: string[];
}

/** Runs `npm run rotate-keys` as a child process; `killAfter` SIGKILLs it once a matching line appears. */
function runRotation(env: Record<string, string>, killAfter?: RegExp): Promise<ChildRun> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/rotate-keys.ts", "--batch-size", String(BATCH)], {
    cwd: path.resolve(import.meta.dirname, "../../.."),
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      NEXT_TELEMETRY_DISABLED: "1",
      APP_ENCRYPTION_KEYS: `${newEntry},${oldEntry}`,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let pending = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    const parts = (pending + chunk).split("\n");
    pending = parts.pop() ?? "";
    for (const line of parts) {
      lines.push(line);
      if (killAfter?.test(line)) child.kill("SIGKILL");
    }
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (pending) lines.push(pending);
      if (code !== 0 && signal === null) reject(new Error(`rotate-keys exited ${code}: ${stderr}`));
      else resolve({ code, signal, lines });
    });
  });
}

async function withHandle<T>(open: () => Promise<DatabaseHandle>, fn: (handle: DatabaseHandle) => Promise<T>) {
  const handle = await open();
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

/** Holds a row lock on a row the second access-token batch needs; returns the release. */
async function lockRowOfSecondBatch(open: () => Promise<DatabaseHandle>): Promise<() => void> {
  const handle = await open();
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await new Promise<void>((locked, failed) => {
    handle.sql
      .transaction(async (tx) => {
        // Lock by id: `offset … for update` would also lock every row it skips.
        await tx.query(
          `select id from public.user_integrations
            where id = (select id from public.user_integrations order by id offset $1 limit 1) for update`,
          [BATCH + 5],
        );
        locked();
        await released;
      })
      .catch(failed)
      .finally(() => void handle.close());
  });
  return release;
}

describe("npm run rotate-keys after a crash", () => {
  it("is killed after its first batch, then a second run finishes with every value on the newest key and none lost", async () => {
    const target = await rotationTarget();
    const seeded = await withHandle(target.open, (handle) =>
      seedIntegrations(handle.sql, parseKeyring([oldEntry]), ROWS),
    );

    // On Postgres a row of the second batch stays locked until the kill, so the child dies mid-transaction.
    const releaseLock = kind === "postgres" ? await lockRowOfSecondBatch(target.open) : () => {};
    const crashed = await runRotation(target.env, /^batch 1 /);
    releaseLock();
    expect(crashed.signal).toBe("SIGKILL");
    expect(crashed.lines.some((line) => line.startsWith("batch 1 public.user_integrations.access_token_enc"))).toBe(
      true,
    );

    const halfway = await withHandle(target.open, (handle) => readIntegrations(handle.sql, keyring));
    const onNewest = halfway.filter((row) => row.accessKeyId === NEW).length;
    expect(onNewest).toBeGreaterThanOrEqual(BATCH);
    expect(onNewest).toBeLessThan(ROWS);
    expect(halfway.filter((row) => row.refreshKeyId === NEW)).toHaveLength(0);
    expect(halfway.map(({ id, accessToken, refreshToken }) => ({ id, accessToken, refreshToken }))).toEqual(
      expectedIntegrations(seeded, NEW).map(({ id, accessToken, refreshToken }) => ({ id, accessToken, refreshToken })),
    );

    const finished = await runRotation(target.env);
    expect(finished.code).toBe(0);
    const summary = finished.lines.find((line) => line.startsWith("public.user_integrations.access_token_enc"));
    expect(summary?.split(/\s{2,}/)).toEqual([
      "public.user_integrations.access_token_enc",
      `vk20240101000000=${ROWS - onNewest} v${NEW}=${onNewest}`,
      String(ROWS - onNewest),
      "0",
      "0",
    ]);

    const final = await withHandle(target.open, (handle) => readIntegrations(handle.sql, keyring));
    expect(final).toEqual(expectedIntegrations(seeded, NEW));
  }, 120_000);
});
