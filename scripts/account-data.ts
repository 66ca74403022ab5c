import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { EXIT, ExitWith, UsageError, print, runCommand } from "./backup/cli";

const HELP = `Usage: npm run account-data -- <command> --email <practitioner email> [options]

Data subject requests handled by an operator (docs/runbooks/data-subject-requests.md), through the
same services as Settings → Your data and the client delete button.

Commands:
  export        --out <file.zip>         write the practitioner's full data export (one ZIP)
  erase-client  --client <client id>     erase one client of the practitioner and everything tied to them
  delete        --confirm <same email>   delete the practitioner's account, all of its data and files

Options:
  --email <email>    the practitioner's sign-in email
  -h, --help         show this help

Database and storage: as the app is configured (DATABASE_URL, NEXT_PUBLIC_SUPABASE_URL…), otherwise
the embedded database and files in DATA_DIR (default .data; stop the app first, it holds the lock).
Every action is recorded in the audit log as the app records it. Exit codes: 0 done, 1 failed, 2 usage error.`;

const COMMANDS = ["export", "erase-client", "delete"] as const;
type Command = (typeof COMMANDS)[number];

function parseCommandLine(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: "boolean", short: "h" },
      email: { type: "string" },
      out: { type: "string" },
      client: { type: "string" },
      confirm: { type: "string" },
    },
  });
  if (values.help) return { help: true as const };
  const [command, ...rest] = positionals;
  if (!COMMANDS.includes(command as Command)) throw new UsageError(`Name a command: ${COMMANDS.join(", ")}`);
  if (rest.length > 0) throw new UsageError(`Unexpected argument: ${rest.join(" ")}`);
  if (!values.email) throw new UsageError("--email is required");
  return { help: false as const, command: command as Command, ...values, email: values.email };
}

/** The account id for a sign-in email (auth.users in both modes). */
async function accountFor(email: string): Promise<{ id: string; email: string }> {
  const { sql } = await import("drizzle-orm");
  const { withSystemDb } = await import("@/server/db");
  const { resultRows } = await import("@/server/db/result-rows");
  const rows = await withSystemDb("ops-account-data", async (tx) =>
    resultRows<{ id: string; email: string }>(
      await tx.execute(sql`select id, email from auth.users where lower(email) = lower(${email})`),
    ),
  );
  const [account] = rows;
  if (!account) throw new ExitWith(EXIT.failed, `No account signs in with ${email}`);
  return account;
}

async function main(): Promise<void> {
  const options = parseCommandLine(process.argv.slice(2));
  if (options.help) {
    print(HELP);
    return;
  }
  // Loaded only now: the app's configuration is validated on import, and --help must work without it.
  const { closeDatabase } = await import("@/server/db");
  try {
    const account = await accountFor(options.email);
    const services = await import("@/server/services/account");
    if (options.command === "export") {
      if (!options.out) throw new UsageError("export needs --out <file.zip>");
      const { stream } = await services.exportAccountData({ userId: account.id });
      await pipeline(Readable.fromWeb(stream as NodeReadableStream), createWriteStream(options.out, { mode: 0o600 }));
      print(`Wrote the data export of ${account.id} to ${options.out}`);
    } else if (options.command === "erase-client") {
      if (!options.client) throw new UsageError("erase-client needs --client <client id>");
      const { deleteContact, deleteContactInput } = await import("@/server/services/contacts");
      await deleteContact({ userId: account.id }, deleteContactInput.parse({ id: options.client }));
      print(`Erased client ${options.client} of account ${account.id}`);
    } else {
      if (options.confirm?.toLowerCase() !== account.email.toLowerCase()) {
        throw new UsageError("delete needs --confirm with the same email, typed again");
      }
      await services.deleteAccount(account, { confirmation: account.email });
      print(`Deleted account ${account.id}, its data and its files`);
    }
  } finally {
    await closeDatabase();
  }
}

await runCommand(main, { help: HELP });
