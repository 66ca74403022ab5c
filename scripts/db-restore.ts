import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { UsageError, formatTable, print, runCommand } from "./backup/cli";
import { readBackupConfig } from "./backup/config";
import { fetchBackup } from "./backup/fetch-backup";
import { describeUrl } from "./backup/ops-database";
import { restoreBackup, type RestoreTarget } from "./backup/restore-backup";
import { openBackupStore } from "./backup/store";

const HELP = `Usage: npm run db:restore -- <backup> (--target-url <postgres-url> | --target-dir <data-dir>) [--force]

<backup> is a backup file or manifest on disk, a backup name in the configured store
(BACKUP_DIR or BACKUP_S3_*), or "latest".

  --target-url <url>   Postgres database to restore a postgres backup into (must exist; empty unless --force)
  --target-dir <dir>   DATA_DIR to restore an embedded backup into (its db/ must not exist unless --force)
  --force              replace what the target holds (Postgres: pg_restore --clean; embedded: the old
                       db/ directory is moved aside, never deleted)
  -h, --help           show this help

Before anything is loaded, the file's size and sha256 must match the manifest, and an encrypted
backup needs the same BACKUP_ENCRYPTION_KEY. After loading, the migration version and the row count
of every table must equal the manifest's. The target is never the configured DATABASE_URL by default.

Exit codes: 0 restored and verified, 1 refused or failed, 2 usage error.`;

function parseCommandLine(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: "boolean", short: "h" },
      "target-url": { type: "string" },
      "target-dir": { type: "string" },
      force: { type: "boolean", default: false },
    },
  });
  if (values.help) return undefined;
  const [reference, ...extra] = positionals;
  if (!reference) throw new UsageError("Name the backup to restore (a path, a name, or latest)");
  if (extra.length > 0) throw new UsageError(`Unexpected argument: ${extra.join(" ")}`);
  const url = values["target-url"];
  const dir = values["target-dir"];
  if (Boolean(url) === Boolean(dir)) throw new UsageError("Give exactly one of --target-url or --target-dir");
  const target: RestoreTarget = url
    ? { kind: "postgres", url }
    : { kind: "pglite", dataDir: path.resolve(dir as string) };
  return { reference, target, force: values.force };
}

async function main(): Promise<void> {
  const options = parseCommandLine(process.argv.slice(2));
  if (!options) {
    print(HELP);
    return;
  }
  const config = readBackupConfig();
  const workDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "omnicrm-restore-"));
  try {
    const started = Date.now();
    const { manifest, file, origin } = await fetchBackup(options.reference, await openBackupStore(config), workDir);
    print(`restoring ${manifest.name} (${manifest.createdAt}) from ${origin}`);
    const result = await restoreBackup(manifest, file, options.target, {
      force: options.force,
      encryptionKey: config.encryptionKey,
      workDir,
    });
    const where = options.target.kind === "postgres" ? describeUrl(options.target.url) : options.target.dataDir;
    if (result.replacedTo) print(`the database it replaced was moved to ${result.replacedTo}`);
    print(`restored into ${where} and verified in ${Date.now() - started} ms`);
    print(
      formatTable(
        Object.entries(result.facts.tables).map(([table, rows]) => ({ table, rows, manifest: manifest.tables[table] })),
      ),
    );
    print(`checksum ok, migration ${result.facts.migrationVersion ?? "(none)"} ok, row counts ok`);
  } finally {
    await fs.promises.rm(workDir, { recursive: true, force: true });
  }
}

await runCommand(main, { help: HELP });
