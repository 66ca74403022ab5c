import type { StageResult } from "./run-scenario";
import { THRESHOLDS, type Scenario } from "./scenarios";

/** Why a stage missed the audit's thresholds (or a burst missed the rate limiter); empty when it passed. */
export function stageProblems(scenario: Scenario, result: StageResult): string[] {
  const problems: string[] = [];
  if (scenario.kind === "burst" && scenario.burst) {
    const { status, atLeast } = scenario.burst.mustSee;
    const seen = result.statuses[status] ?? 0;
    if (seen < atLeast) problems.push(`expected at least ${atLeast} × ${status}, got ${seen}`);
    if (result.errors > 0) problems.push(`${result.errors} unexpected answer(s)`);
    return problems;
  }
  if (scenario.capacity) {
    if (result.errors > 0) problems.push(`${result.errors} unexpected answer(s)`);
    if (!result.statuses[scenario.capacity.status]) problems.push(`no ${scenario.capacity.status} answers at all`);
    return problems;
  }
  if (!(result.p95 < THRESHOLDS.p95Ms)) problems.push(`p95 ${Math.round(result.p95)} ms ≥ ${THRESHOLDS.p95Ms} ms`);
  if (!(result.errorRate < THRESHOLDS.errorRate)) {
    problems.push(`errors ${(result.errorRate * 100).toFixed(2)}% ≥ ${THRESHOLDS.errorRate * 100}%`);
  }
  return problems;
}

const COLUMNS = ["users", "requests", "req/s", "p50", "p95", "p99", "errors", "statuses", "verdict"];

function cells(scenario: Scenario, result: StageResult): string[] {
  const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : "-");
  const statuses = Object.entries(result.statuses)
    .map(([status, count]) => `${status}×${count}`)
    .join(" ");
  const problems = stageProblems(scenario, result);
  return [
    String(result.users),
    String(result.requests),
    result.requestsPerSecond.toFixed(1),
    ms(result.p50),
    ms(result.p95),
    ms(result.p99),
    `${(result.errorRate * 100).toFixed(2)}%`,
    statuses || "-",
    problems.length > 0
      ? `FAIL: ${problems.join("; ")}`
      : scenario.capacity
        ? capacity(scenario.capacity, result)
        : "pass",
  ];
}

function capacity({ status, unit }: { status: number; unit: string }, result: StageResult): string {
  const perSecond = (result.statuses[status] ?? 0) / Math.max(result.durationSeconds, 0.001);
  return `capacity ${perSecond.toFixed(1)} ${unit}`;
}

/** One table per scenario, one row per stage. */
export function scenarioTable(scenario: Scenario, results: StageResult[]): string {
  const rows = [COLUMNS, ...results.map((result) => cells(scenario, result))];
  const widths = COLUMNS.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        column >= 1 && column <= 6 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join("  ")
      .trimEnd();
  const title = `${scenario.name} — ${scenario.method} ${scenario.path} (expects ${scenario.expect.join("/")})`;
  return [title, line(rows[0]!), line(widths.map((width) => "-".repeat(width))), ...rows.slice(1).map(line)].join("\n");
}
