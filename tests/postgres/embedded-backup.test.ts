import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../src/server/db/migrator";
import { openPglite } from "../../src/server/db/pglite-driver";
import { createBackup } from "../../scripts/backup/create-backup";
import { fetchBackup } from "../../scripts/backup/fetch-backup";
import { localStore } from "../../scripts/backup/local-store";
import { restoreBackup } from "../../scripts/backup/restore-backup";
import { runRestoreDrill } from "../../scripts/backup/restore-drill";
import { DEFAULT_BACKUP_SCHEMAS } from "../../scripts/backup/config";
import { seedPractitioners, tableDigests, testBackupConfig } from "./backup-fixtures";

const SCHEMAS = DEFAULT_BACKUP_SCHEMAS;
const root = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-embedded-backup-"));
const key = randomBytes(32);
const config = testBackupConfig({
  dataDir: path.join(root, "data"),
  localDir: path.join(root, "backups"),
  encryptionKey: key,
});
let sourceDigests: Record<string, string>;

async function digestsIn(dataDir: string): Promise<Record<string, string>> {
  const handle = await openPglite(dataDir);
  try {
    return await tableDigests(handle.sql, SCHEMAS);
  } finally {
    await handle.close();
  }
}

beforeAll(async () => {
  const handle = await openPglite(config.dataDir);
  try {
    await migrate(handle.sql);
    await seedPractitioners(handle.sql, 25);
    sourceDigests = await tableDigests(handle.sql, SCHEMAS);
  } finally {
    await handle.close();
  }
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("embedded (PGlite) backups", () => {
  it("refuse to run while the app holds the database, and say so", async () => {
    const app = await openPglite(config.dataDir);
    try {
      await expect(createBackup(config)).rejects.toThrow(/need the app stopped.*in use by process/);
    } finally {
      await app.close();
    }
  });

  it("back up the data directory (encrypted) and restore it with identical content", async () => {
    const { manifest } = await createBackup(config);
    expect(manifest.kind).toBe("pglite");
    expect(manifest.file).toMatch(/\.tar\.gz\.enc$/);
    expect(manifest.tables["public.profiles"]).toBe(25);
    expect(manifest.encryption?.algorithm).toBe("aes-256-gcm");

    const target = path.join(root, "restored");
    const workDir = fs.mkdtempSync(path.join(root, "work-"));
    const fetched = await fetchBackup("latest", localStore(config.localDir), workDir);
    const result = await restoreBackup(
      fetched.manifest,
      fetched.file,
      { kind: "pglite", dataDir: target },
      { force: false, encryptionKey: key, workDir },
    );
    expect(result.facts.tables).toEqual(manifest.tables);
    expect(await digestsIn(target)).toEqual(sourceDigests);

    await expect(
      restoreBackup(
        fetched.manifest,
        fetched.file,
        { kind: "pglite", dataDir: target },
        { force: false, encryptionKey: key, workDir },
      ),
    ).rejects.toThrow(/already holds a database/);
    const forced = await restoreBackup(
      fetched.manifest,
      fetched.file,
      { kind: "pglite", dataDir: target },
      { force: true, encryptionKey: key, workDir },
    );
    expect(forced.replacedTo && fs.existsSync(path.join(forced.replacedTo, "PG_VERSION"))).toBe(true);
    await expect(
      restoreBackup(
        fetched.manifest,
        fetched.file,
        { kind: "postgres", url: "postgres://127.0.0.1:1/x" },
        { force: false, encryptionKey: key, workDir },
      ),
    ).rejects.toThrow(/is a pglite backup; restore it with --target-dir/);
  });

  it("drill: restores the newest embedded backup into a scratch directory and measures it", async () => {
    const lines: string[] = [];
    const result = await runRestoreDrill(config, {
      reference: "latest",
      serverUrl: undefined,
      maxAgeHours: 26,
      keep: false,
      smoke: undefined,
      log: (line) => lines.push(line),
    });
    expect(result.smoke).toBe("skipped");
    expect(result.restoreSeconds).toBeGreaterThan(0);
    expect(result.backupAgeSeconds).toBeLessThan(600);
    expect(fs.existsSync(result.scratch)).toBe(false);
    expect(lines.join("\n")).toContain("restored and verified");
  });
});
