import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { serverSchema } from "@/server/config/schema";
import { generateKeyEntry, parseKeyring, type Keyring } from "@/server/crypto/key-material";
import { DEFAULT_BATCH_SIZE, rotateKeys, type RotationReport } from "@/server/crypto/rotate-keys";
import { EXIT, ExitWith, UsageError, formatTable, print, runCommand } from "./backup/cli";
import {
  embeddedDatabaseExists,
  openOpsDatabase,
  readOpsDatabaseEnv,
  resolveDataDir,
  type OpsDatabaseEnv,
} from "./backup/ops-database";

const HELP = `Usage: npm run rotate-keys -- [options]

Re-encrypts every registered encrypted column (src/server/crypto/encrypted-columns.ts) whose
values are not on the newest key of APP_ENCRYPTION_KEYS, in batches of one transaction each.
Safe to interrupt: run it again and it continues with the values still on an older key.

Options:
  --dry-run           count values per key and how many would be re-encrypted; change nothing
  --batch-size <n>    rows per batch and transaction (default ${DEFAULT_BATCH_SIZE})
  --generate-key      print a new key entry (<id>:<base64url of 32 bytes>) and exit
  -h, --help          show this help

Keys: APP_ENCRYPTION_KEYS, newest first, e.g. "<new>,<old>" while rotating (see
docs/runbooks/key-rotation.md). Without it (embedded mode only) the keys in <DATA_DIR>/secrets.json.
Database: DATABASE_URL when set, otherwise the embedded database in DATA_DIR (default .data);
the embedded database is locked while the app runs: stop the app first.

Output: one line per committed batch, then a table per column. Exit codes: 0 every value is on
the newest key (or dry run), 1 failed or some values could not be decrypted, 2 usage error.`;

function parseCommandLine(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: "boolean", short: "h" },
      "dry-run": { type: "boolean" },
      "generate-key": { type: "boolean" },
      "batch-size": { type: "string" },
    },
  });
  if (positionals.length > 0) throw new UsageError(`Unexpected argument: ${positionals.join(" ")}`);
  const batchSize = Number(values["batch-size"] ?? DEFAULT_BATCH_SIZE);
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new UsageError(`--batch-size must be a positive whole number, got ${values["batch-size"]}`);
  return {
    help: values.help ?? false,
    generateKey: values["generate-key"] ?? false,
    dryRun: values["dry-run"] ?? false,
    batchSize,
  };
}

/** The keyring from APP_ENCRYPTION_KEYS, else (embedded only) the data directory's secrets file. */
async function loadKeyring(env: OpsDatabaseEnv): Promise<Keyring> {
  const parsed = z
    .object({ APP_ENCRYPTION_KEYS: serverSchema.APP_ENCRYPTION_KEYS })
    .safeParse({ APP_ENCRYPTION_KEYS: process.env.APP_ENCRYPTION_KEYS || undefined });
  if (!parsed.success) throw new Error(`APP_ENCRYPTION_KEYS: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  if (parsed.data.APP_ENCRYPTION_KEYS) return parseKeyring(parsed.data.APP_ENCRYPTION_KEYS);
  if (env.DATABASE_URL) throw new Error("APP_ENCRYPTION_KEYS is required when DATABASE_URL is set");
  // Imported only here: it reads the app's full configuration, which embedded mode always satisfies.
  const { readEmbeddedSecrets, SECRETS_FILE } = await import("@/server/config/embedded-secrets");
  const dataDir = resolveDataDir(env);
  const embedded = readEmbeddedSecrets(dataDir)?.APP_ENCRYPTION_KEYS;
  if (!embedded) {
    throw new Error(`No keys: APP_ENCRYPTION_KEYS is unset and ${path.join(dataDir, SECRETS_FILE)} does not exist.`);
  }
  return parseKeyring(serverSchema.APP_ENCRYPTION_KEYS.parse(embedded) ?? []);
}

function printReport(report: RotationReport): void {
  const rows = report.columns.map((column) => ({
    column: column.column,
    "by key before": Object.entries(column.before)
      .map(([version, rows]) => `${version}=${rows}`)
      .join(" "),
    [report.dryRun ? "would re-encrypt" : "re-encrypted"]: report.dryRun ? column.remaining : column.rotated,
    failed: column.failures.length,
    ...(report.dryRun ? {} : { "not on newest key": column.remaining }),
  }));
  print(formatTable(rows));
  for (const column of report.columns) {
    for (const failure of column.failures.slice(0, 20))
      print(`failed ${column.column} id=${failure.rowId}: ${failure.reason}`);
  }
}

async function main(): Promise<void> {
  const options = parseCommandLine(process.argv.slice(2));
  if (options.help) {
    print(HELP);
    return;
  }
  if (options.generateKey) {
    print(generateKeyEntry());
    return;
  }
  const env = readOpsDatabaseEnv();
  const keyring = await loadKeyring(env);
  if (!env.DATABASE_URL && !embeddedDatabaseExists(resolveDataDir(env))) {
    throw new Error(`No embedded database in ${resolveDataDir(env)}: nothing to rotate.`);
  }
  const { handle, label } = await openOpsDatabase(env);
  try {
    print(`database: ${label}`);
    print(`newest key: ${keyring.newest.id}${options.dryRun ? " (dry run: nothing is changed)" : ""}`);
    const report = await rotateKeys({
      sql: handle.sql,
      keyring,
      batchSize: options.batchSize,
      dryRun: options.dryRun,
      onBatch: ({ column, batch, rotated, failed }) =>
        print(`batch ${batch} ${column}: re-encrypted ${rotated}${failed > 0 ? `, ${failed} failed` : ""}`),
    });
    printReport(report);
    const failed = report.columns.reduce((sum, column) => sum + column.failures.length, 0);
    if (failed > 0)
      throw new ExitWith(EXIT.failed, `${failed} value(s) could not be decrypted with the keys in APP_ENCRYPTION_KEYS`);
  } finally {
    await handle.close();
  }
}

await runCommand(main, { help: HELP });
