import { parseArgs } from "node:util";
import { migrate, migrationStatus, rollback, type MigrationStatus } from "@/server/db/migrator";
import { EXIT, ExitWith, UsageError, formatTable, print, runCommand } from "./backup/cli";
import { openOpsDatabase, readOpsDatabaseEnv } from "./backup/ops-database";
import { DEFAULT_MIGRATION_TIMEOUTS, parseDuration, withMigrationTimeouts } from "./db-migration-timeouts";

const HELP = `Usage: tsx scripts/db.ts <command> [options]
       npm run db:migrate | npm run db:rollback -- [steps] | npm run db:status

Commands:
  migrate            apply every pending migration in supabase/migrations, each in its own transaction
  rollback [steps]   undo the newest applied migrations with supabase/rollbacks (default 1 step)
  status             list every migration as applied, pending, edited or unknown

Options:
  --lock-timeout <duration>       lock_timeout for each migration on Postgres (default ${DEFAULT_MIGRATION_TIMEOUTS.lockTimeout})
  --statement-timeout <duration>  statement_timeout for each migration on Postgres (default ${DEFAULT_MIGRATION_TIMEOUTS.statementTimeout})
  -h, --help                      show this help

Database: DATABASE_URL when set (use a direct or session connection, not the transaction pooler),
otherwise the embedded database in DATA_DIR (default .data). The embedded database is locked
while the app runs: stop the app first.

Exit codes: 0 done (status: schema current), 1 failed, 2 usage error, 3 status: migrations pending,
4 status: applied history differs from the files (edited or unknown migration).`;

type Command = "migrate" | "rollback" | "status";
const COMMANDS: readonly Command[] = ["migrate", "rollback", "status"];

function parseCommandLine(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: "boolean", short: "h" },
      "lock-timeout": { type: "string" },
      "statement-timeout": { type: "string" },
    },
  });
  const [command, steps, ...extra] = positionals;
  if (values.help) return { help: true as const };
  if (!command || !COMMANDS.includes(command as Command))
    throw new UsageError(`Unknown command: ${command ?? "(none)"}`);
  if (extra.length > 0 || (steps !== undefined && command !== "rollback"))
    throw new UsageError(`Unexpected argument: ${[steps, ...extra].filter(Boolean).join(" ")}`);
  const stepCount = steps === undefined ? 1 : Number(steps);
  if (!Number.isInteger(stepCount) || stepCount < 1)
    throw new UsageError(`steps must be a positive whole number, got ${steps}`);
  return {
    help: false as const,
    command: command as Command,
    steps: stepCount,
    timeouts: {
      lockTimeout: parseDuration(values["lock-timeout"] ?? DEFAULT_MIGRATION_TIMEOUTS.lockTimeout, "--lock-timeout"),
      statementTimeout: parseDuration(
        values["statement-timeout"] ?? DEFAULT_MIGRATION_TIMEOUTS.statementTimeout,
        "--statement-timeout",
      ),
    },
  };
}

function printStatus(statuses: MigrationStatus[]): void {
  print(formatTable(statuses.map(({ version, name, state }) => ({ version, name, state }))));
}

function statusExit(statuses: MigrationStatus[]): void {
  if (statuses.some((status) => status.state === "edited" || status.state === "unknown"))
    throw new ExitWith(EXIT.historyBroken, "Applied history differs from the migration files (edited or unknown).");
  const pending = statuses.filter((status) => status.state === "pending").length;
  if (pending > 0) throw new ExitWith(EXIT.pending, `${pending} migration(s) pending: run npm run db:migrate`);
}

async function main(): Promise<void> {
  const options = parseCommandLine(process.argv.slice(2));
  if (options.help) {
    print(HELP);
    return;
  }
  const { handle, label } = await openOpsDatabase(readOpsDatabaseEnv());
  try {
    print(`database: ${label}`);
    const sql = withMigrationTimeouts(handle.sql, options.timeouts);
    if (options.command === "migrate") {
      const applied = await migrate(sql);
      print(applied.length === 0 ? "nothing to apply" : `applied: ${applied.join(", ")}`);
    }
    if (options.command === "rollback") {
      const undone = await rollback(sql, options.steps);
      print(undone.length === 0 ? "nothing to roll back" : `rolled back: ${undone.join(", ")}`);
    }
    const statuses = await migrationStatus(handle.sql);
    printStatus(statuses);
    if (options.command === "status") statusExit(statuses);
  } finally {
    await handle.close();
  }
}

await runCommand(main, { help: HELP });
