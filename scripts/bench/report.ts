import type { CpuReading } from "./cpu";
import type { LoadResult } from "./load";

/** The goals, each a ratio within one run (the issue "Speed a practitioner feels"). */
export const GOALS = {
  /** The app's trivial route (proxy + defineRoute) against a bare Next route handler of the same build mode. */
  platform: { throughputRatio: 0.8, p99Factor: 2 },
  /** Signed-in user route against the trivial route. */
  signedIn: 0.75,
  /** `GET /api/contacts/:id` against the trivial route. */
  contact: 0.6,
  /** A clients-list page (built in Postgres, or from the page cache) against the trivial route. */
  list: { throughputRatio: 0.6, p95Factor: 2 },
  /** Search at 10 connections, built in Postgres. */
  searchP95Ms: 50,
  /** Every route: no stalls beyond the usual queueing. */
  p99OverP95: 3,
};

export interface RouteResult {
  label: string;
  result: LoadResult;
  /** CPU over the measured rounds (not the warm-up); undefined where /proc is not there to read. */
  cpu?: CpuReading | undefined;
}

/** Which rows the goals compare: the trivial route, the signed-in user, the list and the search at few connections. */
export interface GoalRows {
  trivial: string;
  /** A bare Next 16 route handler (same build mode): what the app's trivial route is judged against. */
  reference?: string;
  signedIn: string;
  /** One client record, `GET /api/contacts/:id`. */
  contact?: string;
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
  const find = (label: string | undefined) =>
    label === undefined ? undefined : results.find((entry) => entry.label === label)?.result;
  const verdict = (met: boolean) => (met ? "goal met" : "below the goal");
  const ratioLine = (name: string, ratio: number, goal: number, atMost = false) =>
    `${name}: ${ratio.toFixed(2)} (goal ${atMost ? "≤" : "≥"} ${goal}: ${verdict(atMost ? ratio <= goal : ratio >= goal)})`;
  const trivial = find(rows.trivial);
  const reference = find(rows.reference);
  if (trivial && reference) {
    const { throughputRatio, p99Factor } = GOALS.platform;
    lines.push(
      ratioLine(
        "trivial / bare Next throughput",
        trivial.requestsPerSecond / reference.requestsPerSecond,
        throughputRatio,
      ),
      ratioLine("trivial p99 / bare Next p99", trivial.p99 / reference.p99, p99Factor, true),
    );
  }
  const signedIn = find(rows.signedIn);
  if (trivial && signedIn)
    lines.push(
      ratioLine(
        "signed-in / trivial throughput",
        signedIn.requestsPerSecond / trivial.requestsPerSecond,
        GOALS.signedIn,
      ),
    );
  const contact = find(rows.contact);
  if (trivial && contact)
    lines.push(
      ratioLine(
        "client record / trivial throughput",
        contact.requestsPerSecond / trivial.requestsPerSecond,
        GOALS.contact,
      ),
    );
  const tails = results.filter(({ result }) => result.p99 > GOALS.p99OverP95 * result.p95);
  lines.push(
    tails.length === 0
      ? `every route's p99 within ${GOALS.p99OverP95}× its p95: goal met`
      : `p99 over ${GOALS.p99OverP95}× p95 (below the goal): ${tails.map(({ label, result }) => `${label} ${(result.p99 / result.p95).toFixed(1)}×`).join(", ")}`,
  );
  const list = find(rows.list);
  const search = find(rows.searchAtFewConnections.label);
  if (!trivial || !list || !search) return lines;
  const listGoals = (name: string, measured: LoadResult) => [
    ratioLine(
      `${name} / trivial throughput`,
      measured.requestsPerSecond / trivial.requestsPerSecond,
      GOALS.list.throughputRatio,
    ),
    ratioLine(`${name} p95 / trivial p95`, measured.p95 / trivial.p95, GOALS.list.p95Factor, true),
  ];
  const searchGoal = (name: string, measured: LoadResult) =>
    `${name} at ${rows.searchAtFewConnections.connections} connections: ${Math.round(measured.p95)} ms (goal < ${GOALS.searchP95Ms} ms: ${verdict(measured.p95 < GOALS.searchP95Ms)})`;
  const trivialAtFew = find(rows.trivialAtFewConnections);
  const floor = trivialAtFew
    ? [
        `trivial p95 at ${rows.searchAtFewConnections.connections} connections (the floor under the search's): ${Math.round(trivialAtFew.p95)} ms`,
      ]
    : [];
  const uncachedList = find(rows.uncachedList);
  const uncachedSearch = find(rows.uncachedSearchAtFewConnections);
  return [
    ...lines,
    ...listGoals("clients list (page cache)", list),
    searchGoal("search p95 (page cache)", search),
    ...floor,
    ...(uncachedList ? listGoals("clients list built in Postgres", uncachedList) : []),
    ...(uncachedSearch ? [searchGoal("search p95 built in Postgres", uncachedSearch)] : []),
  ];
}
