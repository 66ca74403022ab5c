import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import { acquireDataDirLock } from "@/server/db/data-dir-lock";
import { pgliteHandle } from "@/server/db/pglite-driver";
import { openPostgres } from "@/server/db/postgres-driver";
import { pruneBackups } from "./catalog";
import type { BackupConfig } from "./config";
import { databaseFacts, type DatabaseFacts } from "./database-facts";
import { ENCRYPTION_ALGORITHM, digestStream, encryptStream, keyFingerprint } from "./encryption";
import { MANIFEST_SUFFIX, backupFileName, backupName, type BackupManifest } from "./manifest";
import { describeUrl, embeddedDatabaseExists } from "./ops-database";
import { libpqTarget, runPgTool } from "./pg-tools";
import { openBackupStore } from "./store";

export interface BackupResult {
  manifest: BackupManifest;
  location: string;
  pruned: string[];
}

interface Dumped {
  facts: DatabaseFacts;
  source: string;
  tool: string;
}

type Stages = [NodeJS.ReadWriteStream[], Writable];

/**
 * pg_dump in custom format from a snapshot exported by our own repeatable-read transaction: the
 * row counts in the manifest are read in that same snapshot, so they match the dump exactly even
 * while the app keeps writing.
 */
async function dumpPostgres(url: string, schemas: string[], stages: Stages): Promise<Dumped> {
  const handle = openPostgres({ url, max: 1 });
  try {
    const facts = await handle.sql.transaction(async (tx) => {
      await tx.query("set transaction isolation level repeatable read, read only");
      const [exported] = await tx.query<{ snapshot: string }>("select pg_export_snapshot() as snapshot");
      const extensions = await tx.query<{ name: string }>(
        `select e.extname as name from pg_extension e join pg_namespace n on n.oid = e.extnamespace
         where n.nspname = any($1::text[])`,
        [schemas],
      );
      const target = libpqTarget(url);
      const dumped = runPgTool(
        "pg_dump",
        [
          "--format=custom",
          "--compress=6",
          "--no-owner",
          `--snapshot=${exported?.snapshot}`,
          ...schemas.map((schema) => `--schema=${schema}`),
          ...extensions.map((extension) => `--extension=${extension.name}`),
          `--dbname=${target.dbname}`,
        ],
        { env: target.env, stdout: stages },
      );
      const [counted] = await Promise.all([databaseFacts(tx, schemas), dumped]);
      return counted;
    });
    return {
      facts,
      source: describeUrl(url),
      tool: execFileSync("pg_dump", ["--version"], { encoding: "utf8" }).trim(),
    };
  } finally {
    await handle.close();
  }
}

/**
 * The embedded database as a gzipped data-directory tarball (PGlite's dumpDataDir). PGlite serves
 * one process, so this takes the directory lock: it works only while the app is stopped.
 */
async function dumpPglite(dataDir: string, schemas: string[], stages: Stages): Promise<Dumped> {
  if (!embeddedDatabaseExists(dataDir)) throw new Error(`No embedded database in ${path.join(dataDir, "db")}`);
  const lock = await acquireDataDirLock(dataDir).catch((error: unknown) => {
    throw new Error(
      `Embedded backups need the app stopped (PGlite allows one process): ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  try {
    const pg = await PGlite.create({ dataDir: path.join(dataDir, "db") });
    try {
      const sql = pgliteHandle(pg).sql;
      const facts = await databaseFacts(sql, schemas);
      const [server] = await sql.query<{ version: string }>("select version()");
      const tarball = await pg.dumpDataDir("gzip");
      await pipeline([Readable.fromWeb(tarball.stream() as never), ...stages[0], stages[1]]);
      return {
        facts,
        source: `embedded database in ${path.join(dataDir, "db")}`,
        tool: `pglite dumpDataDir, ${server?.version ?? "unknown version"}`,
      };
    } finally {
      await pg.close();
    }
  } finally {
    await lock.release();
  }
}

/** Dumps, encrypts when a key is configured, uploads the file then its manifest, and prunes. */
export async function createBackup(config: BackupConfig): Promise<BackupResult> {
  const started = Date.now();
  const createdAt = new Date();
  const kind = config.databaseUrl ? "postgres" : "pglite";
  const name = backupName(kind, createdAt);
  const file = backupFileName(kind, name, Boolean(config.encryptionKey));
  const staging = await fs.promises.mkdtemp(path.join(os.tmpdir(), "omnicrm-backup-"));
  try {
    const stagedFile = path.join(staging, file);
    const digest = digestStream();
    const transforms = config.encryptionKey ? [encryptStream(config.encryptionKey), digest] : [digest];
    const stages: Stages = [transforms, fs.createWriteStream(stagedFile, { mode: 0o600 })];
    const dumped = config.databaseUrl
      ? await dumpPostgres(config.databaseUrl, config.schemas, stages)
      : await dumpPglite(config.dataDir, config.schemas, stages);
    const { sha256, bytes } = digest.result();
    const manifest: BackupManifest = {
      format: "omnicrm-backup/1",
      name,
      kind,
      createdAt: createdAt.toISOString(),
      file,
      sizeBytes: bytes,
      sha256,
      encryption: config.encryptionKey
        ? { algorithm: ENCRYPTION_ALGORITHM, keyFingerprint: keyFingerprint(config.encryptionKey) }
        : null,
      migrationVersion: dumped.facts.migrationVersion,
      migrations: dumped.facts.migrations,
      tables: dumped.facts.tables,
      schemas: config.schemas,
      source: dumped.source,
      tool: dumped.tool,
      durationMs: Date.now() - started,
    };
    const manifestFile = path.join(staging, `${name}${MANIFEST_SUFFIX}`);
    await fs.promises.writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    const store = await openBackupStore(config);
    await store.put(file, stagedFile);
    await store.put(`${name}${MANIFEST_SUFFIX}`, manifestFile);
    const pruned = await pruneBackups(store, config.retention);
    return { manifest, location: store.location, pruned };
  } finally {
    await fs.promises.rm(staging, { recursive: true, force: true });
  }
}
