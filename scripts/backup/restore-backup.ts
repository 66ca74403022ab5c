import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import { acquireDataDirLock } from "@/server/db/data-dir-lock";
import { pgliteHandle } from "@/server/db/pglite-driver";
import { openPostgres } from "@/server/db/postgres-driver";
import type { SqlClient } from "@/server/db/sql-client";
import { countDifferences, databaseFacts, type DatabaseFacts } from "./database-facts";
import { decryptStream, digestStream, keyFingerprint } from "./encryption";
import type { BackupManifest } from "./manifest";
import { embeddedDatabaseExists } from "./ops-database";
import { libpqTarget, runPgTool } from "./pg-tools";

export type RestoreTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

export interface RestoreOptions {
  force: boolean;
  encryptionKey: Buffer | undefined;
  /** Scratch space for the decrypted copy. */
  workDir: string;
}

export interface RestoreResult {
  facts: DatabaseFacts;
  /** Where a forced embedded restore moved the database it replaced. */
  replacedTo?: string;
}

/** Size and sha256 of the stored file must be what the manifest recorded, before anything is decrypted or loaded. */
export async function verifyChecksum(manifest: BackupManifest, file: string): Promise<void> {
  const digest = digestStream();
  await pipeline([fs.createReadStream(file), digest, fs.createWriteStream("/dev/null")]);
  const { sha256, bytes } = digest.result();
  if (sha256 !== manifest.sha256 || bytes !== manifest.sizeBytes)
    throw new Error(
      `Checksum mismatch for ${manifest.file}: manifest sha256 ${manifest.sha256} (${manifest.sizeBytes} bytes), file ${sha256} (${bytes} bytes). Refusing to restore a damaged or altered backup.`,
    );
}

async function plainFile(manifest: BackupManifest, file: string, options: RestoreOptions): Promise<string> {
  if (!manifest.encryption) return file;
  if (!options.encryptionKey) throw new Error(`${manifest.file} is encrypted: set BACKUP_ENCRYPTION_KEY`);
  if (keyFingerprint(options.encryptionKey) !== manifest.encryption.keyFingerprint)
    throw new Error(
      `BACKUP_ENCRYPTION_KEY is not the key ${manifest.file} was encrypted with (fingerprint ${manifest.encryption.keyFingerprint})`,
    );
  const plain = path.join(options.workDir, manifest.file.replace(/\.enc$/, ""));
  await pipeline([fs.createReadStream(file), decryptStream(options.encryptionKey), fs.createWriteStream(plain)]);
  return plain;
}

/** The restored database must hold the manifest's migrations and exactly its row counts. */
async function verifyRestored(manifest: BackupManifest, sql: SqlClient): Promise<DatabaseFacts> {
  const facts = await databaseFacts(sql, manifest.schemas);
  if (facts.migrationVersion !== manifest.migrationVersion)
    throw new Error(
      `Restored migration version ${facts.migrationVersion ?? "(none)"} differs from the manifest's ${manifest.migrationVersion ?? "(none)"}`,
    );
  const differences = countDifferences(manifest.tables, facts.tables);
  if (differences.length > 0)
    throw new Error(`Restored row counts differ from the manifest:\n  ${differences.join("\n  ")}`);
  return facts;
}

// The roles the dump's grants name; cluster-wide, so a new server may lack them (as in the bootstrap migration).
const ROLES_SQL = `do $$ begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then create role anon nologin noinherit; end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then create role authenticated nologin noinherit; end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then create role service_role nologin noinherit bypassrls; end if;
  if not pg_has_role(current_user, 'authenticated', 'member') then execute format('grant authenticated to %I', current_user); end if;
end $$;`;

/**
 * pg_restore's table of contents without the CREATE SCHEMA entries for schemas the target already
 * has (public always; auth on Supabase), which would otherwise abort the single transaction.
 */
async function restoreList(file: string, existingSchemas: string[], workDir: string): Promise<string> {
  const toc = await runPgTool("pg_restore", ["--list", file], { captureStdout: true });
  const kept = toc
    .split("\n")
    .filter((line) => !existingSchemas.some((schema) => new RegExp(`^\\d+; \\d+ \\d+ SCHEMA - ${schema} `).test(line)));
  const listFile = path.join(workDir, "restore.list");
  await fs.promises.writeFile(listFile, kept.join("\n"));
  return listFile;
}

async function restorePostgres(manifest: BackupManifest, file: string, url: string, options: RestoreOptions) {
  const { force } = options;
  const handle = openPostgres({ url, max: 1 });
  try {
    const present = await handle.sql.query<{ name: string }>(
      `select n.nspname || '.' || c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p') and n.nspname || '.' || c.relname = any($1::text[]) order by 1`,
      [Object.keys(manifest.tables)],
    );
    if (present.length > 0 && !force)
      throw new Error(
        `The target database is not empty: ${present.length} of the backup's tables exist (${present
          .slice(0, 5)
          .map((row) => row.name)
          .join(
            ", ",
          )}${present.length > 5 ? ", …" : ""}). Restore into an empty database, or pass --force to replace them.`,
      );
    await handle.sql.exec(ROLES_SQL);
    const schemas = await handle.sql.query<{ name: string }>(
      "select nspname as name from pg_namespace where nspname = any($1::text[])",
      [manifest.schemas],
    );
    const listFile = await restoreList(
      file,
      schemas.map((schema) => schema.name),
      options.workDir,
    );
    const target = libpqTarget(url);
    await runPgTool(
      "pg_restore",
      [
        "--single-transaction",
        "--exit-on-error",
        "--no-owner",
        ...(force ? ["--clean", "--if-exists"] : []),
        `--use-list=${listFile}`,
        `--dbname=${target.dbname}`,
        file,
      ],
      { env: target.env },
    );
    return { facts: await verifyRestored(manifest, handle.sql) };
  } finally {
    await handle.close();
  }
}

async function restorePglite(manifest: BackupManifest, file: string, dataDir: string, force: boolean) {
  const dbDir = path.join(dataDir, "db");
  await fs.promises.mkdir(dataDir, { recursive: true });
  const lock = await acquireDataDirLock(dataDir);
  try {
    let replacedTo: string | undefined;
    if (embeddedDatabaseExists(dataDir)) {
      if (!force)
        throw new Error(
          `${dbDir} already holds a database. Restore into another DATA_DIR, or pass --force to replace it.`,
        );
      replacedTo = `${dbDir}.replaced-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      await fs.promises.rename(dbDir, replacedTo);
    }
    const pg = await PGlite.create({ dataDir: dbDir, loadDataDir: new Blob([await fs.promises.readFile(file)]) });
    try {
      const facts = await verifyRestored(manifest, pgliteHandle(pg).sql);
      return replacedTo ? { facts, replacedTo } : { facts };
    } finally {
      await pg.close();
    }
  } finally {
    await lock.release();
  }
}

/** Verifies the checksum, decrypts, restores into the target and verifies what arrived. */
export async function restoreBackup(
  manifest: BackupManifest,
  file: string,
  target: RestoreTarget,
  options: RestoreOptions,
): Promise<RestoreResult> {
  if (manifest.kind !== target.kind)
    throw new Error(
      `${manifest.file} is a ${manifest.kind} backup; restore it with ${manifest.kind === "postgres" ? "--target-url" : "--target-dir"}`,
    );
  await verifyChecksum(manifest, file);
  const plain = await plainFile(manifest, file, options);
  return target.kind === "postgres"
    ? restorePostgres(manifest, plain, target.url, options)
    : restorePglite(manifest, plain, target.dataDir, options.force);
}
