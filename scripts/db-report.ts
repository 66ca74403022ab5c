import { parseArgs } from "node:util";
import { UsageError, formatTable, print, runCommand } from "./backup/cli";
import { openOpsDatabase, readOpsDatabaseEnv } from "./backup/ops-database";
import { databaseReport } from "./db-report-queries";

const HELP = `Usage: npm run db:report [-- --slow-ms <ms>] [--json]

Prints the database health report: slow queries (pg_stat_statements when it is available, a note
saying how to enable it when not), unused indexes, cache hit ratio and connection counts.
Reads DATABASE_URL (or the embedded database in DATA_DIR, where the numbers cover this process only).

  --slow-ms <ms>   mean execution time above which a statement counts as slow (default 100)
  --json           print the sections as JSON instead of tables
  -h, --help       show this help

Exit codes: 0 report printed, 1 failed, 2 usage error.`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      help: { type: "boolean", short: "h" },
      "slow-ms": { type: "string", default: "100" },
      json: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    print(HELP);
    return;
  }
  if (positionals.length > 0) throw new UsageError(`Unexpected argument: ${positionals.join(" ")}`);
  const slowMs = Number(values["slow-ms"]);
  if (!(slowMs >= 0)) throw new UsageError("--slow-ms must be a number of milliseconds");
  const { handle, label } = await openOpsDatabase(readOpsDatabaseEnv());
  try {
    const sections = await databaseReport(handle.sql, { slowMs });
    if (values.json) {
      print(JSON.stringify({ database: label, generatedAt: new Date().toISOString(), sections }, null, 2));
      return;
    }
    print(`Database report for ${label} at ${new Date().toISOString()}`);
    for (const section of sections) {
      print(`\n## ${section.title}`);
      if (!section.unavailable) print(formatTable(section.rows));
      if (section.note) print(`note: ${section.note}`);
    }
  } finally {
    await handle.close();
  }
}

await runCommand(main, { help: HELP });
