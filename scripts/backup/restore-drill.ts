import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "@/server/db/migrator";
import { openPostgres } from "@/server/db/postgres-driver";
import { DEFAULT_MIGRATION_TIMEOUTS, withMigrationTimeouts } from "../db-migration-timeouts";
import { runSmoke, startApp } from "./app-runner";
import type { BackupConfig } from "./config";
import { fetchBackup } from "./fetch-backup";
import type { BackupManifest } from "./manifest";
import { restoreBackup, type RestoreTarget } from "./restore-backup";
import { openBackupStore } from "./store";

export interface DrillOptions {
  reference: string;
  /** A Postgres server (any database on it) where the drill may create and drop a scratch database. */
  serverUrl: string | undefined;
  maxAgeHours: number;
  keep: boolean;
  /** Undefined: no smoke test (the reason is in `smokeSkipped`). */
  smoke: { appCommand: string; smokeCommand: string } | undefined;
  log: (line: string) => void;
}

export interface DrillResult {
  manifest: BackupManifest;
  scratch: string;
  restoreSeconds: number;
  backupAgeSeconds: number;
  smoke: "passed" | "skipped";
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

interface Scratch {
  target: RestoreTarget;
  label: string;
  appEnv: NodeJS.ProcessEnv;
  drop(): Promise<void>;
}

async function createScratch(kind: BackupManifest["kind"], serverUrl: string | undefined): Promise<Scratch> {
  const { DATABASE_URL: _unused, ...baseEnv } = process.env;
  if (kind === "pglite") {
    const dataDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "omnicrm-drill-"));
    return {
      target: { kind, dataDir },
      label: dataDir,
      appEnv: { ...baseEnv, DATA_DIR: dataDir },
      drop: () => fs.promises.rm(dataDir, { recursive: true, force: true }),
    };
  }
  if (!serverUrl)
    throw new Error(
      "A postgres drill needs --server-url (or DRILL_DATABASE_URL): a server where it may create a scratch database",
    );
  const name = `omnicrm_drill_${new Date().toISOString().slice(0, 10).replace(/-/g, "")}_${randomBytes(3).toString("hex")}`;
  const admin = openPostgres({ url: serverUrl, max: 1 });
  await admin.sql.exec(`create database "${name}"`).finally(() => admin.close());
  const url = withDatabase(serverUrl, name);
  return {
    target: { kind, url },
    label: `${new URL(serverUrl).host}/${name}`,
    appEnv: { ...baseEnv, DATABASE_URL: url },
    drop: async () => {
      const dropper = openPostgres({ url: serverUrl, max: 1 });
      await dropper.sql.exec(`drop database if exists "${name}" with (force)`).finally(() => dropper.close());
    },
  };
}

/**
 * Restores a backup into a scratch database exactly as a disaster would require, verifies it,
 * optionally serves the app from it and smoke-tests it, and measures restore time and backup age.
 */
export async function runRestoreDrill(config: BackupConfig, options: DrillOptions): Promise<DrillResult> {
  const workDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "omnicrm-drill-work-"));
  let scratch: Scratch | undefined;
  try {
    const started = Date.now();
    const { manifest, file, origin } = await fetchBackup(options.reference, await openBackupStore(config), workDir);
    const backupAgeSeconds = (Date.now() - Date.parse(manifest.createdAt)) / 1000;
    options.log(`backup ${manifest.name} from ${origin}`);
    if (backupAgeSeconds > options.maxAgeHours * 3600)
      throw new Error(
        `The newest backup is ${(backupAgeSeconds / 3600).toFixed(1)} h old, over the ${options.maxAgeHours} h limit: backups are not running`,
      );
    scratch = await createScratch(manifest.kind, options.serverUrl);
    options.log(`restoring into scratch ${scratch.label}`);
    await restoreBackup(manifest, file, scratch.target, { force: false, encryptionKey: config.encryptionKey, workDir });
    const restoreSeconds = (Date.now() - started) / 1000;
    options.log(`restored and verified (checksum, migration ${manifest.migrationVersion ?? "none"}, row counts)`);
    if (options.smoke) {
      // As a deploy would: migrations newer than the backup run before the app serves it (PGlite migrates on open).
      if (scratch.target.kind === "postgres") {
        const handle = openPostgres({ url: scratch.target.url, max: 1 });
        const applied = await migrate(withMigrationTimeouts(handle.sql, DEFAULT_MIGRATION_TIMEOUTS)).finally(() =>
          handle.close(),
        );
        options.log(
          applied.length > 0 ? `applied migrations newer than the backup: ${applied.join(", ")}` : "schema current",
        );
      }
      const app = await startApp(options.smoke.appCommand, scratch.appEnv);
      try {
        options.log(`app serving the restored database at ${app.url}; running the smoke test`);
        const code = await runSmoke(options.smoke.smokeCommand, app.url, scratch.appEnv);
        if (code !== 0) throw new Error(`The smoke test failed (exit ${code}) against the restored database`);
      } finally {
        await app.stop();
      }
    }
    return {
      manifest,
      scratch: scratch.label,
      restoreSeconds,
      backupAgeSeconds,
      smoke: options.smoke ? "passed" : "skipped",
    };
  } finally {
    if (scratch && !options.keep) await scratch.drop();
    await fs.promises.rm(workDir, { recursive: true, force: true });
  }
}
