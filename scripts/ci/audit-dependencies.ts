/**
 * Fails on high or critical advisories against production dependencies, except those accepted in
 * `.audit-allowlist.json` (id, package, reason, expiry); an expired acceptance fails too.
 * CI runs it on GitHub; `.ci/run` does not (its machines cannot reach the registry's audit endpoint).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { auditPassed, type AuditVerdict, judgeAudit, MAX_ACCEPTANCE_DAYS, parseAllowlist } from "./audit-allowlist";
import { type Advisory, advisoriesOf } from "./npm-audit-report";

const HELP = `Usage: npm run audit:dependencies [-- --report <npm-audit.json>] [--allowlist <file>] [--today YYYY-MM-DD]

Runs \`npm audit --omit=dev --json\` (or reads a report it saved, with --report) and fails on every
high or critical advisory against a production dependency that .audit-allowlist.json does not
accept. An entry names the advisory (GHSA id), the package, the reason and the date it expires
(at most ${MAX_ACCEPTANCE_DAYS} days ahead); an expired entry fails. --today checks the allowlist as of another day.`;

const root = path.resolve(import.meta.dirname, "../..");

function npmAuditJson(): string {
  const run = spawnSync("npm", ["audit", "--omit=dev", "--json"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw new Error(`cannot run npm audit: ${run.error.message}`);
  // npm audit exits 1 whenever it finds any advisory; the verdict comes from the report, not the exit code.
  return run.stdout;
}

const describeAdvisory = (advisory: Advisory) =>
  `${advisory.severity} ${advisory.id} in ${advisory.package} ${advisory.range}: ${advisory.title} (${advisory.url})`;

function report(verdict: AuditVerdict, allowlistFile: string): string[] {
  return [
    ...verdict.failing.map((advisory) => `FAIL ${describeAdvisory(advisory)}`),
    ...verdict.invalidEntries.map(
      ({ entry, problem }) => `FAIL ${allowlistFile}: ${entry.id} (${entry.package}) ${problem}`,
    ),
    ...verdict.accepted.map(
      ({ advisory, entry }) => `accepted until ${entry.expires}: ${describeAdvisory(advisory)} — ${entry.reason}`,
    ),
    ...verdict.belowThreshold.map((advisory) => `below high: ${describeAdvisory(advisory)}`),
    ...verdict.unusedEntries.map((entry) => `unused ${allowlistFile} entry, remove it: ${entry.id} (${entry.package})`),
  ];
}

function main(): number {
  const { values } = parseArgs({
    options: {
      report: { type: "string" },
      allowlist: { type: "string", default: ".audit-allowlist.json" },
      today: { type: "string", default: new Date().toISOString().slice(0, 10) },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  try {
    const advisories = advisoriesOf(values.report ? fs.readFileSync(values.report, "utf8") : npmAuditJson());
    const entries = parseAllowlist(fs.readFileSync(values.allowlist, "utf8"), values.allowlist);
    const verdict = judgeAudit(advisories, entries, values.today);
    for (const line of report(verdict, values.allowlist)) console.log(line);
    const passed = auditPassed(verdict);
    const failures = verdict.failing.length + verdict.invalidEntries.length;
    console.log(
      passed
        ? `dependency audit passed: ${advisories.length} advisory(ies), ${verdict.accepted.length} accepted, none high or critical left`
        : `dependency audit failed: ${failures} problem(s)`,
    );
    return passed ? 0 : 1;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) process.exit(main());
