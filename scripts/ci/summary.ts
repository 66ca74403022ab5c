/**
 * The verdict of `.ci/run`: a table of gates, then one line `N passed, N failed` over every test of
 * every suite (from the runners' JSON reports). A skipped gate, or a test that ran in no project,
 * counts as failed; a suite without a readable report counts as one failed test. Exits 1 when anything failed.
 * Usage: `tsx scripts/ci/summary.ts <results.tsv>` (rows: gate, status, seconds, report kind, report path).
 */
import fs from "node:fs";
import path from "node:path";

export interface GateResult {
  gate: string;
  status: string;
  seconds: number;
  reportKind: string;
  reportPath: string;
}

export interface SuiteCount {
  passed: number;
  failed: number;
  skipped: number;
  notes: string[];
}

interface VitestReport {
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { fullName: string; status: string }[];
  }[];
}

interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: { message?: string }[];
}

const passedStatuses = new Set(["passed"]);
const skippedStatuses = new Set(["skipped", "pending", "todo", "disabled"]);

/**
 * A test file runs in several projects (PGlite and Postgres); a test skipped in one project but run
 * in another is not counted, while a test skipped in every project never ran and counts as skipped.
 */
export function countVitest(report: VitestReport): SuiteCount {
  const count: SuiteCount = { passed: 0, failed: 0, skipped: 0, notes: [] };
  const ranSomewhere = new Set<string>();
  const skippedEverywhere = new Map<string, string>();
  for (const file of report.testResults) {
    let fileFailures = 0;
    for (const test of file.assertionResults) {
      const key = `${file.name}\0${test.fullName}`;
      if (skippedStatuses.has(test.status)) {
        skippedEverywhere.set(key, test.fullName);
        continue;
      }
      ranSomewhere.add(key);
      if (passedStatuses.has(test.status)) count.passed += 1;
      else {
        fileFailures += 1;
        count.notes.push(`failed: ${test.fullName}`);
      }
    }
    // A file that failed to load has no failing test of its own: it still counts once.
    if (file.status === "failed" && fileFailures === 0) {
      fileFailures = 1;
      count.notes.push(`failed to run: ${file.name}${file.message ? ` (${file.message.split("\n")[0]})` : ""}`);
    }
    count.failed += fileFailures;
  }
  for (const [key, fullName] of skippedEverywhere) {
    if (ranSomewhere.has(key)) continue;
    count.skipped += 1;
    count.notes.push(`skipped in every project: ${fullName}`);
  }
  return count;
}

export function countPlaywright(report: PlaywrightReport): SuiteCount {
  const { expected, unexpected, flaky, skipped } = report.stats;
  const errors = report.errors ?? [];
  return {
    passed: expected + flaky,
    failed: unexpected + errors.length,
    skipped,
    notes: [
      ...(skipped > 0 ? [`${skipped} skipped`] : []),
      ...errors.map((error) => `error: ${(error.message ?? "").split("\n")[0]}`),
    ],
  };
}

const counters: Record<string, (report: never) => SuiteCount> = { vitest: countVitest, playwright: countPlaywright };

export function countSuite(kind: string, reportPath: string): SuiteCount {
  const counter = counters[kind];
  if (!counter) return { passed: 0, failed: 1, skipped: 0, notes: [`unknown report kind "${kind}"`] };
  try {
    return counter(JSON.parse(fs.readFileSync(reportPath, "utf8")) as never);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { passed: 0, failed: 1, skipped: 0, notes: [`no readable ${kind} report: ${reason}`] };
  }
}

export function parseResults(tsv: string): GateResult[] {
  return tsv
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const [gate = "", status = "", seconds = "0", reportKind = "-", reportPath = ""] = line.split("\t");
      return { gate, status, seconds: Number(seconds), reportKind, reportPath };
    });
}

function duration(seconds: number): string {
  return seconds >= 60 ? `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, "0")}s` : `${seconds}s`;
}

export function summarise(gates: GateResult[]): { lines: string[]; passed: number; failed: number } {
  const lines: string[] = [];
  const width = Math.max(4, ...gates.map(({ gate }) => gate.length));
  lines.push(`${"gate".padEnd(width)}  status     time    tests`);
  let passed = 0;
  let failed = 0;
  const notes: string[] = [];
  for (const gate of gates) {
    let tests = "";
    if (gate.reportKind !== "-") {
      const suite = countSuite(gate.reportKind, gate.reportPath);
      passed += suite.passed;
      failed += suite.failed + suite.skipped;
      tests = `${suite.passed} passed, ${suite.failed} failed, ${suite.skipped} skipped`;
      notes.push(...suite.notes.map((note) => `  ${gate.gate}: ${note}`));
    }
    lines.push(`${gate.gate.padEnd(width)}  ${gate.status.padEnd(9)}  ${duration(gate.seconds).padEnd(6)}  ${tests}`);
  }
  const failedGates = gates.filter(({ status }) => status !== "passed").length;
  lines.push(
    `${gates.length - failedGates} of ${gates.length} gates passed (a skipped gate, or a test that ran in no project, counts as failed)`,
  );
  lines.push(...notes.slice(0, 50));
  if (notes.length > 50) lines.push(`  … ${notes.length - 50} more`);
  if (gates.length === 0) failed += 1;
  return { lines, passed, failed };
}

function main(): void {
  const resultsFile = process.argv[2];
  if (!resultsFile) {
    console.error("usage: summary.ts <results.tsv>");
    process.exit(2);
  }
  const gates = parseResults(fs.readFileSync(resultsFile, "utf8"));
  const { lines, passed, failed } = summarise(gates);
  console.log(lines.join("\n"));
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && gates.every(({ status }) => status === "passed") ? 0 : 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) main();
