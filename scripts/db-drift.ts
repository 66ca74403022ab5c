import { parseArgs } from "node:util";
import { migrate } from "@/server/db/migrator";
import { createPglite, pgliteHandle } from "@/server/db/pglite-driver";
import { openPostgres } from "@/server/db/postgres-driver";
import * as schema from "@/server/db/schema";
import { EXIT, ExitWith, UsageError, print, runCommand } from "./backup/cli";
import { describeUrl } from "./backup/ops-database";
import { compareModels } from "./db-drift-compare";
import { drizzleModel } from "./db-drift-drizzle";
import { DRIFT_SCHEMAS, databaseModel } from "./db-drift-model";

const HELP = `Usage: npm run db:drift [-- --database-url <url>]

Fails when the Drizzle schema (src/server/db/schema) and the SQL migrations (supabase/migrations)
disagree. By default it applies every migration to a fresh in-memory database and compares its
catalog with the Drizzle schema; --database-url compares a live database instead (read only).

Compared, in schemas ${DRIFT_SCHEMAS.join(" and ")}: tables, columns (type, not null, default,
identity, generated), primary keys, foreign keys, unique constraints, indexes (by name) and enums.
Not compared: constraint names, check constraints, row level security, policies and grants; the
SQL owns those and the row level security tests check them. app_meta and Supabase's auth schema
are out of scope.

Exit codes: 0 the two agree, 1 drift found or the check failed, 2 usage error.`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { help: { type: "boolean", short: "h" }, "database-url": { type: "string" } },
  });
  if (values.help) {
    print(HELP);
    return;
  }
  if (positionals.length > 0) throw new UsageError(`Unexpected argument: ${positionals.join(" ")}`);
  const url = values["database-url"];
  const handle = url ? openPostgres({ url, max: 1 }) : pgliteHandle(await createPglite());
  try {
    if (!url) await migrate(handle.sql);
    const differences = compareModels(await databaseModel(handle.sql), drizzleModel(schema));
    const source = url ? describeUrl(url) : "every migration applied to a fresh database";
    if (differences.length > 0) {
      throw new ExitWith(
        EXIT.failed,
        `Drift between the Drizzle schema and ${source}:\n${differences.map((line) => `  - ${line}`).join("\n")}`,
      );
    }
    print(`No drift: the Drizzle schema matches ${source}.`);
  } finally {
    await handle.close();
  }
}

await runCommand(main, { help: HELP });
