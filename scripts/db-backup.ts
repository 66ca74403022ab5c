import { parseArgs } from "node:util";
import { postAlert } from "./backup/alert";
import { publishGauges } from "./backup/backup-metrics";
import { UsageError, formatTable, print, runCommand } from "./backup/cli";
import { readBackupConfig, type BackupConfig } from "./backup/config";
import { createBackup } from "./backup/create-backup";

const HELP = `Usage: npm run db:backup [-- --help]

Backs up the database to the backup store, writes a manifest beside it, then prunes old backups.
  Postgres (BACKUP_DATABASE_URL or DATABASE_URL): pg_dump custom format (compressed) of the schemas in
    BACKUP_SCHEMAS (default public,app_private,app_meta,app_search,auth), from one snapshot; needs a direct or
    session connection (not a transaction pooler) and pg_dump >= the server's major version.
  Embedded (no DATABASE_URL): the PGlite data directory in DATA_DIR as a gzipped tarball. PGlite serves
    one process, so stop the app first (the command says so when the app holds the database).

  Encryption   BACKUP_ENCRYPTION_KEY (32 bytes, base64: openssl rand -base64 32) -> AES-256-GCM, streaming
  Store        BACKUP_DIR (default <DATA_DIR>/backups), or BACKUP_S3_BUCKET with BACKUP_S3_ENDPOINT,
               BACKUP_S3_PREFIX, BACKUP_S3_REGION and the standard AWS_* credential variables
  Retention    BACKUP_RETENTION_DAILY=7, BACKUP_RETENTION_WEEKLY=4, BACKUP_RETENTION_MONTHLY=12
  Monitoring   BACKUP_METRICS_FILE (node_exporter textfile) and/or BACKUP_PUSHGATEWAY_URL receive
               omnicrm_backup_last_success_timestamp; ALERT_WEBHOOK_URL gets a post on any failure

Exit codes: 0 backed up, 1 failed (and alerted), 2 usage error.`;

let config: BackupConfig | undefined;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    print(HELP);
    return;
  }
  if (positionals.length > 0) throw new UsageError(`Unexpected argument: ${positionals.join(" ")}`);
  config = readBackupConfig();
  const { manifest, location, pruned } = await createBackup(config);
  print(`backup ${manifest.name} stored in ${location}`);
  print(
    formatTable([
      { what: "source", value: manifest.source },
      { what: "file", value: manifest.file },
      { what: "size", value: `${manifest.sizeBytes} bytes` },
      { what: "sha256", value: manifest.sha256 },
      {
        what: "encrypted",
        value: manifest.encryption ? `aes-256-gcm (key ${manifest.encryption.keyFingerprint})` : "no",
      },
      { what: "migration", value: manifest.migrationVersion ?? "(none)" },
      { what: "rows", value: Object.values(manifest.tables).reduce((sum, rows) => sum + rows, 0) },
      { what: "took", value: `${manifest.durationMs} ms` },
    ]),
  );
  print(formatTable(Object.entries(manifest.tables).map(([table, rows]) => ({ table, rows }))));
  print(pruned.length > 0 ? `pruned: ${pruned.join(", ")}` : "pruned: none");
  await publishGauges(
    {
      omnicrm_backup_last_success_timestamp: {
        help: "Unix time of the last successful backup",
        value: Date.parse(manifest.createdAt) / 1000,
      },
      omnicrm_backup_last_size_bytes: { help: "Size of the last successful backup", value: manifest.sizeBytes },
      omnicrm_backup_last_duration_seconds: {
        help: "How long the last successful backup took",
        value: manifest.durationMs / 1000,
      },
    },
    { file: config.metricsFile, pushgatewayUrl: config.pushgatewayUrl, job: "omnicrm_backup" },
  );
}

await runCommand(main, {
  help: HELP,
  onFailure: async (error) => {
    const webhook = config?.alertWebhookUrl ?? process.env.ALERT_WEBHOOK_URL;
    await postAlert(
      webhook || undefined,
      `OmniCRM database backup FAILED at ${new Date().toISOString()}: ${error.message}`,
    );
  },
});
