import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/server/db/handle";
import { openPostgres } from "../../src/server/db/postgres-driver";
import { createBackup } from "../../scripts/backup/create-backup";
import { fetchBackup } from "../../scripts/backup/fetch-backup";
import { restoreBackup } from "../../scripts/backup/restore-backup";
import { DEFAULT_BACKUP_SCHEMAS } from "../../scripts/backup/config";
import { localStore } from "../../scripts/backup/local-store";
import { MANIFEST_SUFFIX } from "../../scripts/backup/manifest";
import { openTestDatabase } from "../support/open-test-database";
import { emptyDatabase, seedPractitioners, tableDigests, testBackupConfig } from "./backup-fixtures";

const SCHEMAS = DEFAULT_BACKUP_SCHEMAS;
let source: DatabaseHandle & { url?: string };
let workDir: string;

const targets: { url: string; drop(): Promise<void> }[] = [];
async function emptyTarget(): Promise<string> {
  const target = await emptyDatabase();
  targets.push(target);
  return target.url;
}

async function digestsOf(url: string): Promise<Record<string, string>> {
  const handle = openPostgres({ url, max: 1 });
  try {
    return await tableDigests(handle.sql, SCHEMAS);
  } finally {
    await handle.close();
  }
}

beforeAll(async () => {
  source = await openTestDatabase("postgres");
  await seedPractitioners(source.sql, 300);
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-restore-test-"));
});

afterAll(async () => {
  await source.close();
  for (const target of targets) await target.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe("postgres backup and restore", () => {
  it("backs up by default every schema the migrations create", async () => {
    const rows = await source.sql.query<{ name: string }>(
      `select nspname as name from pg_namespace
       where nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and nspname not like 'pg_temp_%'
         and nspname not like 'pg_toast_temp_%' and nspname not in (select nspname from pg_namespace n
           join pg_extension e on e.extnamespace = n.oid where n.nspname <> 'public')
       order by 1`,
    );
    expect(rows.map((row) => row.name)).toEqual([...DEFAULT_BACKUP_SCHEMAS].sort());
  });

  it("backup, drop the source, restore: identical row counts and identical content in every table", async () => {
    const doomed = await openTestDatabase("postgres");
    await seedPractitioners(doomed.sql, 300);
    const config = testBackupConfig({ databaseUrl: doomed.url as string });
    const before = await tableDigests(doomed.sql, SCHEMAS);
    const { manifest } = await createBackup(config);
    expect(manifest.kind).toBe("postgres");
    expect(manifest.migrationVersion).toMatch(/^\d{4}$/);
    expect(manifest.tables["public.profiles"]).toBe(300);
    expect(manifest.tables["app_private.sessions"]).toBe(300);
    expect(fs.readFileSync(path.join(config.localDir, manifest.file)).subarray(0, 5).toString()).toBe("PGDMP");
    await doomed.close(); // drops the database

    const target = await emptyTarget();
    const fetched = await fetchBackup("latest", localStore(config.localDir), workDir);
    const result = await restoreBackup(
      fetched.manifest,
      fetched.file,
      { kind: "postgres", url: target },
      { force: false, encryptionKey: undefined, workDir },
    );
    expect(result.facts.tables).toEqual(manifest.tables);
    expect(await digestsOf(target)).toEqual(before);
    expect(Object.keys(before)).toContain("auth.users");
  });

  it("round-trips an encrypted backup, and refuses a missing or wrong key", async () => {
    const key = randomBytes(32);
    const config = testBackupConfig({ databaseUrl: source.url as string, encryptionKey: key });
    const { manifest } = await createBackup(config);
    const stored = fs.readFileSync(path.join(config.localDir, manifest.file));
    expect(manifest.file.endsWith(".dump.enc")).toBe(true);
    expect(stored.subarray(0, 8).toString()).toBe("OMNIBAK1");
    expect(stored.includes(Buffer.from("practitioner1@example.test"))).toBe(false);

    const fetched = await fetchBackup(manifest.name, localStore(config.localDir), workDir);
    const target = await emptyTarget();
    const restore = (encryptionKey: Buffer | undefined) =>
      restoreBackup(
        fetched.manifest,
        fetched.file,
        { kind: "postgres", url: target },
        { force: false, encryptionKey, workDir },
      );
    await expect(restore(undefined)).rejects.toThrow(/is encrypted: set BACKUP_ENCRYPTION_KEY/);
    await expect(restore(randomBytes(32))).rejects.toThrow(/not the key/);
    await restore(key);
    expect(await digestsOf(target)).toEqual(await tableDigests(source.sql, SCHEMAS));
  });

  it("refuses a tampered backup before touching the target (checksum)", async () => {
    const config = testBackupConfig({ databaseUrl: source.url as string });
    const { manifest } = await createBackup(config);
    const file = path.join(config.localDir, manifest.file);
    const bytes = fs.readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] = (bytes[Math.floor(bytes.length / 2)] ?? 0) ^ 0xff;
    fs.writeFileSync(file, bytes);
    const target = await emptyTarget();
    const fetched = await fetchBackup(file, localStore(config.localDir), workDir);
    await expect(
      restoreBackup(
        fetched.manifest,
        fetched.file,
        { kind: "postgres", url: target },
        { force: false, encryptionKey: undefined, workDir },
      ),
    ).rejects.toThrow(/Checksum mismatch/);
    expect(await digestsOf(target)).toEqual({});
  });

  it("refuses when the restored row counts differ from the manifest", async () => {
    const config = testBackupConfig({ databaseUrl: source.url as string });
    const { manifest } = await createBackup(config);
    const manifestFile = path.join(config.localDir, `${manifest.name}${MANIFEST_SUFFIX}`);
    const lying = { ...manifest, tables: { ...manifest.tables, "public.profiles": 301 } };
    fs.writeFileSync(manifestFile, JSON.stringify(lying));
    const fetched = await fetchBackup(manifestFile, localStore(config.localDir), workDir);
    const target = await emptyTarget();
    await expect(
      restoreBackup(
        fetched.manifest,
        fetched.file,
        { kind: "postgres", url: target },
        { force: false, encryptionKey: undefined, workDir },
      ),
    ).rejects.toThrow(/public.profiles: manifest 301, restored 300/);
  });

  it("refuses a non-empty target unless forced, then replaces its content", async () => {
    const config = testBackupConfig({ databaseUrl: source.url as string });
    const { manifest } = await createBackup(config);
    const fetched = await fetchBackup(manifest.name, localStore(config.localDir), workDir);
    const target = await openTestDatabase("postgres");
    try {
      await seedPractitioners(target.sql, 5);
      const restore = (force: boolean) =>
        restoreBackup(
          fetched.manifest,
          fetched.file,
          { kind: "postgres", url: target.url as string },
          { force, encryptionKey: undefined, workDir },
        );
      await expect(restore(false)).rejects.toThrow(/not empty/);
      expect((await restore(true)).facts.tables["public.profiles"]).toBe(300);
      expect(await tableDigests(target.sql, SCHEMAS)).toEqual(await tableDigests(source.sql, SCHEMAS));
    } finally {
      await target.close();
    }
  });
});
