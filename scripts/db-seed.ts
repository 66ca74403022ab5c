/**
 * `npm run db:seed -- --contacts 100000 --users 3`: realistic practitioners, clients, tags and notes
 * for development and benchmarks, on DATABASE_URL or the embedded database in DATA_DIR.
 */
import { parseArgs } from "node:util";
import { isSchemaCurrent, migrate } from "@/server/db/migrator";
import { UsageError, print, runCommand } from "./backup/cli";
import { openOpsDatabase, readOpsDatabaseEnv } from "./backup/ops-database";
import { seedAppointments } from "./seed/seed-appointments";
import { seedClients, vacuumClientRecords } from "./seed/seed-client-records";
import { ensureSeedPractitioners, SEED_PASSWORD } from "./seed/seed-practitioners";
import { seedWellbeing } from "./seed/seed-wellbeing";
import { seedTasks } from "./seed/seed-tasks";

const HELP = `Usage: npm run db:seed -- [options]

Adds realistic clients (names, emails, phones, stages, addresses, health context), tags,
session notes, three session types and six weeks of appointments, and second records for one client in a hundred (some marked "not a duplicate"). Practitioners seed-1@example.test … seed-N@example.test are created when missing
(password: ${SEED_PASSWORD}), and signing in as them works in embedded and self-hosted mode.

Options:
  --contacts <n>     clients per practitioner (default 1000)
  --users <n>        practitioners to seed (default 1)
  --user-id <uuid>   seed this existing user instead (repeatable)
  --notes <n>        at most this many notes per client, 0…n uniformly (default 2)
  --tasks <n>        tasks per practitioner, with zones and projects (default 60)
  --batch <n>        rows per INSERT statement (default 10000)
  -h, --help         show this help

Database: DATABASE_URL when set (its schema must be current: npm run db:migrate), otherwise the
embedded database in DATA_DIR (migrated here; stop the app first, it holds the lock).`;

function count(name: string, value: string, minimum: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < minimum)
    throw new UsageError(`--${name} must be a whole number ≥ ${minimum}, got "${value}"`);
  return number;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      help: { type: "boolean", short: "h" },
      contacts: { type: "string", default: "1000" },
      users: { type: "string", default: "1" },
      "user-id": { type: "string", multiple: true },
      notes: { type: "string", default: "2" },
      tasks: { type: "string", default: "60" },
      batch: { type: "string", default: "10000" },
    },
  });
  if (values.help) return print(HELP);
  if (positionals.length > 0) throw new UsageError(`Unexpected argument: ${positionals.join(" ")}`);
  const contacts = count("contacts", values.contacts, 0);
  const users = count("users", values.users, 1);
  const maxNotesPerClient = count("notes", values.notes, 0);
  const tasks = count("tasks", values.tasks, 0);
  const batchSize = count("batch", values.batch, 1);

  const env = readOpsDatabaseEnv();
  const { handle, label } = await openOpsDatabase(env);
  try {
    print(`database: ${label}`);
    if (!env.DATABASE_URL) await migrate(handle.sql);
    else if (!(await isSchemaCurrent(handle.sql)))
      throw new Error("Migrations are pending: run npm run db:migrate first");

    const started = performance.now();
    const practitioners = values["user-id"]?.length
      ? values["user-id"].map((id) => ({ id, email: id }))
      : await ensureSeedPractitioners(handle.sql, users);
    for (const practitioner of practitioners) {
      const began = performance.now();
      const totals = await seedClients(handle.sql, {
        userId: practitioner.id,
        contacts,
        maxNotesPerClient,
        batchSize,
        onBatch: (done, total) => process.stdout.write(`\r${practitioner.email}: ${done}/${total} clients`),
      });
      const appointments = await seedAppointments(handle.sql, practitioner.id);
      const taskCount = await seedTasks(handle.sql, practitioner.id, tasks);
      print(`\r${practitioner.email}: ${taskCount} tasks`);
      const seconds = (performance.now() - began) / 1000;
      print(
        `\r${practitioner.email}: ${totals.contacts} clients, ${totals.tagLinks} tag links, ${totals.notes} notes, ${totals.intakeArrivals} intake arrivals, ${totals.duplicates} duplicate records (${totals.dismissals} marked not duplicates), ${appointments} appointments in ${seconds.toFixed(1)} s (${Math.round(totals.contacts / seconds)} clients/s)`,
      );
      const wellbeing = await seedWellbeing(handle.sql, practitioner.id);
      print(
        `${practitioner.email}: ${wellbeing.habits} habits with ${wellbeing.entries} answers, ${wellbeing.checkIns} check-ins`,
      );
    }
    const vacuumStarted = performance.now();
    await vacuumClientRecords(handle.sql);
    print(`vacuum analyze: ${((performance.now() - vacuumStarted) / 1000).toFixed(1)} s`);
    print(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await handle.close();
  }
}

await runCommand(main, { help: HELP });
