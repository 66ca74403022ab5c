import { parseArgs } from "node:util";
import type { DbExecutor } from "@/server/db";
import { discardJob, JOB_STATES, listJobs, retryAllDead, retryJob, type JobState } from "@/server/jobs/admin";
import { ExitWith, UsageError, formatTable } from "./backup/cli";

export const HELP = `Usage: npm run jobs -- <command> [options]

Background jobs, for an operator (docs/runbooks/jobs-failing-or-stuck.md).

Commands:
  list [--state <state>] [--kind <kind>] [--limit <n>]
                        newest first (default 50); states: ${JOB_STATES.join(", ")}
  retry <id>            put a dead or waiting job at the head of the queue with a fresh attempt budget
  retry --all-dead [--kind <kind>]
                        the same for every dead job (of one kind)
  discard <id>          delete a dead, waiting or finished job for good

Options:
  -h, --help            show this help

Database: DATABASE_URL when set, otherwise the embedded database in DATA_DIR (default .data; stop
the app first, it holds the lock). Exit codes: 0 done, 1 failed, 2 usage error, 3 no such job,
4 the job is running (wait for it to finish or its lease to expire).`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type JobsCommand =
  | { command: "help" }
  | { command: "list"; state?: JobState | undefined; kind?: string | undefined; limit: number }
  | { command: "retry"; id: string }
  | { command: "retry-all-dead"; kind?: string | undefined }
  | { command: "discard"; id: string };

export function parseJobsCommand(argv: string[]): JobsCommand {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: "boolean", short: "h" },
      state: { type: "string" },
      kind: { type: "string" },
      limit: { type: "string" },
      "all-dead": { type: "boolean" },
    },
  });
  if (values.help) return { command: "help" };
  const [command, id, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`Unexpected argument: ${extra.join(" ")}`);
  const needId = () => {
    if (!id || !UUID.test(id)) throw new UsageError(`${command} needs a job id (a uuid), got ${id ?? "nothing"}`);
    return id;
  };
  switch (command ?? "") {
    case "list": {
      if (id) throw new UsageError(`Unexpected argument: ${id}`);
      const state = values.state;
      if (state !== undefined && !(JOB_STATES as readonly string[]).includes(state))
        throw new UsageError(`--state must be one of ${JOB_STATES.join(", ")}`);
      const limit = values.limit === undefined ? 50 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000)
        throw new UsageError("--limit must be a whole number from 1 to 10000");
      return { command: "list", state: state as JobState | undefined, kind: values.kind, limit };
    }
    case "retry":
      if (values["all-dead"]) {
        if (id) throw new UsageError("retry takes a job id or --all-dead, not both");
        return { command: "retry-all-dead", kind: values.kind };
      }
      return { command: "retry", id: needId() };
    case "discard":
      return { command: "discard", id: needId() };
    default:
      throw new UsageError(`Unknown command: ${command ?? "(none)"}`);
  }
}

const EXIT_NOT_FOUND = 3;
const EXIT_RUNNING = 4;

/** Runs one command against the database; returns what to print. */
export async function runJobsCommand(db: DbExecutor, command: Exclude<JobsCommand, { command: "help" }>) {
  switch (command.command) {
    case "list": {
      const jobs = await listJobs(db, command);
      return formatTable(jobs as unknown as Record<string, unknown>[], [
        "id",
        "kind",
        "state",
        "attempts",
        "run_at",
        "user_id",
        "last_error",
      ]);
    }
    case "retry-all-dead": {
      const count = await retryAllDead(db, command.kind);
      return `${count} dead job(s) queued again`;
    }
    case "retry":
    case "discard": {
      const outcome = command.command === "retry" ? await retryJob(db, command.id) : await discardJob(db, command.id);
      if (outcome === "not-found")
        throw new ExitWith(
          EXIT_NOT_FOUND,
          `No job ${command.id}${command.command === "retry" ? " that can be retried" : ""}`,
        );
      if (outcome === "running")
        throw new ExitWith(EXIT_RUNNING, `Job ${command.id} is running: wait for it to finish or its lease to expire`);
      return command.command === "retry" ? `job ${command.id} queued again` : `job ${command.id} discarded`;
    }
  }
}
