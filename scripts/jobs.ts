import { print, runCommand } from "./backup/cli";
import { openOpsDatabase, readOpsDatabaseEnv } from "./backup/ops-database";
import { HELP, parseJobsCommand, runJobsCommand } from "./jobs-cli";

async function main(): Promise<void> {
  const command = parseJobsCommand(process.argv.slice(2));
  if (command.command === "help") {
    print(HELP);
    return;
  }
  const { handle, label } = await openOpsDatabase(readOpsDatabaseEnv());
  try {
    print(`database: ${label}`);
    print(await runJobsCommand(handle.db, command));
  } finally {
    await handle.close();
  }
}

await runCommand(main, { help: HELP });
