import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const HELP = `Usage: npm run check:runbooks [-- --dir docs/runbooks]

Finds every project command the runbooks name — \`npm run <script>\` and \`npx tsx scripts/<file>.ts\` —
and runs each with --help, so a renamed script or a broken command fails here instead of during
an incident. Fails when a script is missing from package.json, a file is missing, or --help does
not exit 0.`;

const COMMAND_PATTERNS = [
  { kind: "npm", pattern: /npm run (?:-s )?([a-z0-9][\w:.-]*)/g },
  { kind: "tsx", pattern: /npx tsx (scripts\/[\w./-]+\.ts)/g },
] as const;

const TSX = path.resolve(import.meta.dirname, "../node_modules/.bin/tsx");

interface NamedCommand {
  kind: "npm" | "tsx";
  target: string;
  runbooks: Set<string>;
}

function namedCommands(runbooks: Record<string, string>): NamedCommand[] {
  const found = new Map<string, NamedCommand>();
  for (const [file, text] of Object.entries(runbooks)) {
    for (const { kind, pattern } of COMMAND_PATTERNS) {
      for (const match of text.matchAll(pattern)) {
        const target = match[1]!;
        const key = `${kind} ${target}`;
        const entry = found.get(key) ?? { kind, target, runbooks: new Set<string>() };
        entry.runbooks.add(file);
        found.set(key, entry);
      }
    }
  }
  return [...found.values()].sort((a, b) => a.target.localeCompare(b.target));
}

function check(command: NamedCommand, scripts: Record<string, string>): string | undefined {
  if (command.kind === "npm" && !(command.target in scripts)) return "no such script in package.json";
  if (command.kind === "tsx" && !existsSync(command.target)) return "no such file";
  const [program, args] =
    command.kind === "npm"
      ? ["npm", ["run", "--silent", command.target, "--", "--help"]]
      : [TSX, [command.target, "--help"]];
  // --help must work on a bare machine: no database, no secrets.
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    CI: process.env.CI,
  };
  const result = spawnSync(program, args, { encoding: "utf8", timeout: 120_000, env });
  if (result.error) return result.error.message;
  if (result.status !== 0) {
    const output = `${result.stderr}${result.stdout}`.trim().split("\n").slice(-3).join(" | ");
    return `--help exited ${result.status ?? result.signal}: ${output}`;
  }
  if (!`${result.stdout}${result.stderr}`.trim()) return "--help printed nothing";
  return undefined;
}

function main(): number {
  const { values } = parseArgs({
    options: { dir: { type: "string", default: "docs/runbooks" }, help: { type: "boolean", default: false } },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const files = readdirSync(values.dir).filter((file) => file.endsWith(".md"));
  if (files.length === 0) {
    process.stderr.write(`No runbook in ${values.dir}\n`);
    return 1;
  }
  const runbooks = Object.fromEntries(files.map((file) => [file, readFileSync(path.join(values.dir, file), "utf8")]));
  const scripts =
    (JSON.parse(readFileSync("package.json", "utf8")) as { scripts?: Record<string, string> }).scripts ?? {};
  const commands = namedCommands(runbooks);
  let failed = 0;
  for (const command of commands) {
    const label = command.kind === "npm" ? `npm run ${command.target}` : `npx tsx ${command.target}`;
    const problem = check(command, scripts);
    if (problem) failed++;
    process.stdout.write(
      `${problem ? "FAIL" : "ok  "}  ${label}  (${[...command.runbooks].join(", ")})${problem ? `\n        ${problem}` : ""}\n`,
    );
  }
  process.stdout.write(
    `check:runbooks: ${commands.length} command(s) named in ${files.length} runbook(s), ${failed} failing\n`,
  );
  return failed === 0 ? 0 : 1;
}

process.exitCode = main();
