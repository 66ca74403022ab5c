import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { clientSchema, serverSchema } from "@/server/config/schema";
import { backupEnvSchema } from "./backup/config";

const HELP = `Usage: npm run check-env -- [--file <path>]

Checks that .env.example documents exactly the variables OmniCRM reads, in both directions:
  + a variable a schema reads is missing from .env.example
  - .env.example lists a variable nothing reads
  ? a variable has no comment line directly above it (purpose, format, default, when required)
  ! a line is neither a comment, blank, nor NAME=value, or a variable appears twice

Variables come from:
${"{sources}"}

Options:
  --file <path>   the example file to check (default .env.example)
  -h, --help      show this help

Exit codes: 0 in agreement, 1 disagreement, 2 usage error.`;

export interface VariableSource {
  name: string;
  variables: readonly string[];
}

/** Everything that reads configuration from the environment, and so must be documented. */
export function configurationSources(root: string = process.cwd()): VariableSource[] {
  const compose = path.join(root, "docker-compose.yml");
  const composeVariables = fs.existsSync(compose)
    ? [...fs.readFileSync(compose, "utf8").matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1] as string)
    : [];
  return [
    {
      name: "app (src/server/config/schema.ts)",
      variables: [...Object.keys(serverSchema), ...Object.keys(clientSchema)],
    },
    { name: "backup commands (scripts/backup/config.ts)", variables: Object.keys(backupEnvSchema.shape) },
    { name: "docker-compose.yml", variables: [...new Set(composeVariables)] },
  ];
}

export interface EnvExampleReport {
  missing: { name: string; readBy: string[] }[];
  unread: { name: string; line: number }[];
  undocumented: { name: string; line: number }[];
  malformed: { line: number; text: string }[];
  duplicated: { name: string; line: number }[];
  documented: number;
}

const DEFINITION = /^([A-Z][A-Z0-9_]*)=(.*)$/;

/** Compares an example file's text with the variables the sources read. */
export function compareEnvExample(text: string, sources: readonly VariableSource[]): EnvExampleReport {
  const report: EnvExampleReport = {
    missing: [],
    unread: [],
    undocumented: [],
    malformed: [],
    duplicated: [],
    documented: 0,
  };
  const listed = new Map<string, number>();
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const match = DEFINITION.exec(line);
    if (!match) return report.malformed.push({ line: index + 1, text: line });
    const name = match[1] as string;
    if (listed.has(name)) return report.duplicated.push({ name, line: index + 1 });
    listed.set(name, index + 1);
    if (!lines[index - 1]?.trim().startsWith("#")) report.undocumented.push({ name, line: index + 1 });
  });
  const readBy = new Map<string, string[]>();
  for (const source of sources) {
    for (const name of source.variables) readBy.set(name, [...(readBy.get(name) ?? []), source.name]);
  }
  for (const [name, readers] of readBy) {
    if (!listed.has(name)) report.missing.push({ name, readBy: readers });
  }
  for (const [name, line] of listed) {
    if (!readBy.has(name)) report.unread.push({ name, line });
  }
  report.documented = listed.size;
  return report;
}

export function reportHasProblems(report: EnvExampleReport): boolean {
  const { missing, unread, undocumented, malformed, duplicated } = report;
  return [missing, unread, undocumented, malformed, duplicated].some((list) => list.length > 0);
}

export function formatReport(report: EnvExampleReport, file: string): string {
  if (!reportHasProblems(report)) return `${file} documents all ${report.documented} variables.`;
  const lines = [
    ...report.missing.map(({ name, readBy }) => `  + ${name}: missing from ${file} (read by ${readBy.join(", ")})`),
    ...report.unread.map(({ name, line }) => `  - ${name}: ${file}:${line} lists it, but nothing reads it`),
    ...report.undocumented.map(({ name, line }) => `  ? ${name}: ${file}:${line} has no comment line above it`),
    ...report.duplicated.map(({ name, line }) => `  ! ${name}: ${file}:${line} lists it a second time`),
    ...report.malformed.map(({ line, text }) => `  ! ${file}:${line} is not NAME=value or a comment: ${text}`),
  ];
  return `${file} and the configuration schemas disagree:\n${lines.join("\n")}`;
}

function helpText(sources: readonly VariableSource[]): string {
  return HELP.replace("{sources}", sources.map((source) => `  ${source.name}`).join("\n"));
}

/** The command: prints the verdict and returns the exit code. */
export function runCheckEnv(argv: string[], out: (text: string) => void, err: (text: string) => void): number {
  const sources = configurationSources();
  let values: { file?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { file: { type: "string" }, help: { type: "boolean", short: "h" } },
    }));
  } catch (error) {
    err(`${(error as Error).message}\n\n${helpText(sources)}`);
    return 2;
  }
  if (values.help) {
    out(helpText(sources));
    return 0;
  }
  const file = values.file ?? ".env.example";
  if (!fs.existsSync(file)) {
    err(`${file} does not exist`);
    return 1;
  }
  const report = compareEnvExample(fs.readFileSync(file, "utf8"), sources);
  (reportHasProblems(report) ? err : out)(formatReport(report, file));
  return reportHasProblems(report) ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = runCheckEnv(
    process.argv.slice(2),
    (text) => process.stdout.write(`${text}\n`),
    (text) => process.stderr.write(`${text}\n`),
  );
}
