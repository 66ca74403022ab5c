import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { postAlert } from "./backup/alert";
import { defaultAppCommand } from "./backup/app-runner";
import { publishGauges } from "./backup/backup-metrics";
import { UsageError, formatTable, print, runCommand } from "./backup/cli";
import { backupEnvSchema, readBackupConfig, type BackupConfig } from "./backup/config";
import { runRestoreDrill } from "./backup/restore-drill";

const HELP = `Usage: npm run db:restore-drill [-- options]

Restores a backup (default: the newest in the configured store) into a scratch database, verifies
it (checksum, migration version, row counts), serves the app from it and runs \`npm run smoke\`
against it, then prints the measured restore time (RTO) and the backup's age (RPO) and drops the
scratch database.

  --backup <ref>            a backup path, name, or latest (default latest)
  --server-url <url>        Postgres server for the scratch database of a postgres backup
                            (default DRILL_DATABASE_URL); needs CREATEDB
  --max-age-hours <h>       fail when the backup is older than this (default 26)
  --app-command <cmd>       how to serve the app (default: the standalone server or next start,
                            whichever the production build provides); gets PORT, APP_URL and the
                            scratch DATABASE_URL or DATA_DIR
  --smoke-command <cmd>     smoke test to run with the app's URL appended (default npx tsx scripts/smoke.ts)
  --skip-smoke              restore and verify only
  --keep                    keep the scratch database for inspection
  -h, --help                show this help

Reads the same BACKUP_* variables as db:backup (store, BACKUP_ENCRYPTION_KEY), plus
BACKUP_METRICS_FILE / BACKUP_PUSHGATEWAY_URL for omnicrm_restore_drill_* gauges and
ALERT_WEBHOOK_URL for failures. The app needs its own production variables (APP_ENCRYPTION_KEYS…).

Exit codes: 0 drill passed, 1 failed (and alerted), 2 usage error.`;

const root = process.cwd();
let config: BackupConfig | undefined;

function smokePlan(values: { "skip-smoke"?: boolean; "app-command"?: string; "smoke-command"?: string }) {
  if (values["skip-smoke"]) return { smoke: undefined, note: "skipped (--skip-smoke)" };
  const smokeCommand = values["smoke-command"] ?? "npx tsx scripts/smoke.ts";
  if (!values["smoke-command"] && !fs.existsSync(path.join(root, "scripts/smoke.ts")))
    throw new UsageError("scripts/smoke.ts is missing: pass --smoke-command or --skip-smoke");
  const appCommand = values["app-command"] ?? defaultAppCommand(root);
  if (!appCommand)
    throw new UsageError(
      "No production build to serve: run npm run build first, or pass --app-command or --skip-smoke",
    );
  return { smoke: { appCommand, smokeCommand }, note: `${smokeCommand} against ${appCommand}` };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      help: { type: "boolean", short: "h" },
      backup: { type: "string", default: "latest" },
      "server-url": { type: "string" },
      "max-age-hours": { type: "string", default: "26" },
      "app-command": { type: "string" },
      "smoke-command": { type: "string" },
      "skip-smoke": { type: "boolean" },
      keep: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    print(HELP);
    return;
  }
  if (positionals.length > 0) throw new UsageError(`Unexpected argument: ${positionals.join(" ")}`);
  const maxAgeHours = Number(values["max-age-hours"]);
  if (!(maxAgeHours > 0)) throw new UsageError("--max-age-hours must be a positive number");
  const plan = smokePlan(values);
  config = readBackupConfig();
  const result = await runRestoreDrill(config, {
    reference: values.backup,
    serverUrl:
      values["server-url"] ??
      backupEnvSchema.shape.DRILL_DATABASE_URL.parse(process.env.DRILL_DATABASE_URL || undefined),
    maxAgeHours,
    keep: values.keep,
    smoke: plan.smoke,
    log: print,
  });
  print(
    formatTable([
      { measure: "backup", value: `${result.manifest.name} (${result.manifest.createdAt})` },
      { measure: "RPO: backup age", value: `${(result.backupAgeSeconds / 60).toFixed(1)} min` },
      { measure: "RTO: restore + verify", value: `${result.restoreSeconds.toFixed(1)} s` },
      { measure: "smoke test", value: result.smoke === "passed" ? `passed (${plan.note})` : plan.note },
      { measure: "scratch", value: values.keep ? `${result.scratch} (kept)` : `${result.scratch} (dropped)` },
    ]),
  );
  const now = Date.now() / 1000;
  await publishGauges(
    {
      omnicrm_restore_drill_last_success_timestamp: { help: "Unix time of the last passing restore drill", value: now },
      omnicrm_restore_drill_rto_seconds: {
        help: "Restore and verify time measured by the last drill",
        value: result.restoreSeconds,
      },
      omnicrm_restore_drill_backup_age_seconds: {
        help: "Age of the backup the last drill restored",
        value: result.backupAgeSeconds,
      },
    },
    {
      file: config.metricsFile?.replace(/(\.prom)?$/, ".drill.prom"),
      pushgatewayUrl: config.pushgatewayUrl,
      job: "omnicrm_restore_drill",
    },
  );
}

await runCommand(main, {
  help: HELP,
  onFailure: async (error) => {
    const webhook = config?.alertWebhookUrl ?? process.env.ALERT_WEBHOOK_URL;
    await postAlert(
      webhook || undefined,
      `OmniCRM restore drill FAILED at ${new Date().toISOString()}: ${error.message}`,
    );
  },
});
