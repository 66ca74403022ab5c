import type { CpuReading } from "./cpu";
import type { LoadResult } from "./load";

/** Signed-in user route against the trivial route. */
const GOAL_RATIO = 0.75;
/** Issue goals for the clients list against the trivial route, and for search at 10 connections. */
const LIST_GOALS = { throughputRatio: 0.7, p95Factor: 1.5 };
const SEARCH_P95_GOAL_MS = 50;

export interface RouteResult {
  label: string;
  result: LoadResult;
  /** CPU over the measured rounds (not the warm-up); undefined where /proc is not there to read. */
  cpu?: CpuReading | undefined;
}

/** Which rows the goals compare: the trivial route, the signed-in user, the list and the search at few connections. */
export interface GoalRows {
  trivial: string;
  signedIn: string;
  list: string;
  searchAtFewConnections: { label: string; connections: number };
  /** The trivial route at the search's connection count: no route answers faster there. */
  trivialAtFewConnections?: string;
  /** The same list and search on an instance with the clients-list page cache off: every page built anew. */
  uncachedList?: string;
  uncachedSearchAtFewConnections?: string;
}

function row(cells: string[], widths: number[]): string {
  return cells
    .map((cell, index) => (index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0)))
    .join("  ");
}

/** The results table (with CPU per request of the app and of the database), then each goal and its verdict. */
export function report(results: RouteResult[], rows: GoalRows): string[] {
  const widths = [36, 9, 8, 8, 8, 9, 8, 9, 9];
  const ms = (value: number) => `${Math.round(value)} ms`;
  const perRequest = (total: number | undefined, responses: number) =>
    total === undefined || responses === 0 ? "–" : (total / responses).toFixed(2);
  const header = ["route", "req/s", "p50", "p95", "p99", "requests", "failed", "app cpu", "db cpu"];
  const lines = [row(header, widths)];
  for (const { label, result, cpu } of results) {
    const cells = [label, result.requestsPerSecond.toFixed(0), ms(result.p50), ms(result.p95), ms(result.p99)];
    const cpuCells = [perRequest(cpu?.appMs, result.responses), perRequest(cpu?.databaseMs, result.responses)];
    lines.push(row([...cells, String(result.responses), String(result.failures), ...cpuCells], widths));
  }
  lines.push("(app cpu, db cpu: ms of CPU per request, of the app's processes and of the database's backends)");
  const find = (label: string) => results.find((entry) => entry.label === label)?.result;
  const verdict = (met: boolean) => (met ? "goal met" : "below the goal");
  const trivial = find(rows.trivial);
  const signedIn = find(rows.signedIn);
  if (trivial && signedIn) {
    const ratio = signedIn.requestsPerSecond / trivial.requestsPerSecond;
    lines.push(
      `signed-in / trivial throughput: ${ratio.toFixed(2)} (goal ≥ ${GOAL_RATIO}: ${verdict(ratio >= GOAL_RATIO)})`,
    );
  }
  const list = find(rows.list);
  const search = find(rows.searchAtFewConnections.label);
  if (!trivial || !list || !search) return lines;
  const { throughputRatio, p95Factor: p95Goal } = LIST_GOALS;
  const listGoals = (name: string, measured: LoadResult) => {
    const ratio = measured.requestsPerSecond / trivial.requestsPerSecond;
    const p95Factor = measured.p95 / trivial.p95;
    return [
      `${name} / trivial throughput: ${ratio.toFixed(2)} (goal ≥ ${throughputRatio}: ${verdict(ratio >= throughputRatio)})`,
      `${name} p95 / trivial p95: ${p95Factor.toFixed(2)} (goal ≤ ${p95Goal}: ${verdict(p95Factor <= p95Goal)})`,
    ];
  };
  const searchGoal = (name: string, measured: LoadResult) =>
    `${name} at ${rows.searchAtFewConnections.connections} connections: ${Math.round(measured.p95)} ms (goal < ${SEARCH_P95_GOAL_MS} ms: ${verdict(measured.p95 < SEARCH_P95_GOAL_MS)})`;
  const trivialAtFew = rows.trivialAtFewConnections === undefined ? undefined : find(rows.trivialAtFewConnections);
  const floor = trivialAtFew
    ? [
        `trivial p95 at ${rows.searchAtFewConnections.connections} connections (the floor under the search's): ${Math.round(trivialAtFew.p95)} ms`,
      ]
    : [];
  const uncachedList = rows.uncachedList === undefined ? undefined : find(rows.uncachedList);
  const uncachedSearch =
    rows.uncachedSearchAtFewConnections === undefined ? undefined : find(rows.uncachedSearchAtFewConnections);
  return [
    ...lines,
    ...listGoals("clients list", list),
    searchGoal("search p95", search),
    ...floor,
    ...(uncachedList ? listGoals("clients list (page cache off)", uncachedList) : []),
    ...(uncachedSearch ? [searchGoal("search p95 (page cache off)", uncachedSearch)] : []),
  ];
}
