import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import { percentile } from "../bench/load";
import type { LoadAccount } from "./accounts";
import type { Scenario, Stage } from "./scenarios";

export interface StageResult {
  users: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Answers outside the scenario's expected statuses, plus connection errors and timeouts. */
  errors: number;
  errorRate: number;
  statuses: Record<string, number>;
}

export interface RunContext {
  baseUrl: string;
  /** The practitioners signed-in scenarios act as; each connection (virtual user) keeps one. */
  accounts: LoadAccount[];
  /** Seconds each virtual user waits between requests (the audit's k6 script sleeps 1 s); 0 = no pause. */
  thinkTimeSeconds: number;
}

function requestHeaders(scenario: Scenario, context: RunContext): Record<string, string> {
  const headers: Record<string, string> = { "user-agent": "omnicrm-load-test" };
  if (scenario.body) {
    // A same-origin JSON write, as the browser's forms send it: the proxy refuses cross-site writes.
    Object.assign(headers, {
      "content-type": "application/json",
      origin: context.baseUrl,
      "sec-fetch-site": "same-origin",
    });
  }
  return headers;
}

function load(
  options: autocannon.Options,
): Promise<{ result: autocannon.Result; latencies: number[]; statuses: Record<string, number> }> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, result: autocannon.Result) => {
      if (error) reject(error instanceof Error ? error : new Error("autocannon failed", { cause: error }));
      else resolve({ result, latencies, statuses });
    });
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
}

let callerCount = 0;

/** A distinct address per request from the benchmarking range (198.18.0.0/15), as separate people would have. */
function simulatedAddress(): string {
  callerCount += 1;
  return `198.${18 + ((callerCount >> 16) & 1)}.${(callerCount >> 8) & 255}.${callerCount & 255}`;
}

/** Runs one stage of a scenario (or the whole burst) and measures it. */
export async function runStage(scenario: Scenario, stage: Stage, context: RunContext): Promise<StageResult> {
  const burst = scenario.kind === "burst" ? scenario.burst : undefined;
  const runId = randomUUID();
  const template = scenario.body ? JSON.stringify(scenario.body) : undefined;
  const body = burst ? template?.replaceAll("[<id>]", runId) : template;
  const freshIds = !burst && template?.includes("[<id>]") === true;
  let nextAccount = 0;
  // Per connection: its practitioner's session and client id; per request: fresh ids in the body.
  // (autocannon's own idReplacement sizes Content-Length for a longer id than it sends.)
  const setupRequest = (request: autocannon.Request, connection: { account?: LoadAccount | undefined }) => {
    const prepared = { ...request };
    if (scenario.signedIn) {
      const account = (connection.account ??= context.accounts[nextAccount++ % context.accounts.length]);
      if (!account) throw new Error(`${scenario.name} needs at least one load-test account`);
      prepared.headers = { ...request.headers, cookie: account.cookie };
      prepared.path = scenario.path.replace("{contactId}", account.contactId);
    }
    if (freshIds) prepared.body = template.replaceAll("[<id>]", randomUUID());
    if (scenario.distinctCallers) prepared.headers = { ...prepared.headers, "x-forwarded-for": simulatedAddress() };
    return prepared;
  };
  const options: autocannon.Options = {
    url: `${context.baseUrl}${scenario.path.replace(/\{\w+\}/g, "_")}`,
    method: scenario.method,
    headers: requestHeaders(scenario, context),
    ...(body === undefined ? {} : { body }),
    ...(scenario.signedIn || freshIds || scenario.distinctCallers ? { requests: [{ setupRequest }] } : {}),
    timeout: 10,
    connections: burst ? 5 : stage.users,
    ...(burst ? { amount: burst.requests } : { duration: stage.durationSeconds }),
    ...(!burst && context.thinkTimeSeconds > 0 ? { overallRate: stage.users / context.thinkTimeSeconds } : {}),
  };
  const { result, latencies, statuses } = await load(options);
  const sorted = Float64Array.from(latencies).sort();
  const unexpected = Object.entries(statuses)
    .filter(([status]) => !scenario.expect.includes(Number(status)))
    .reduce((sum, [, count]) => sum + count, 0);
  const attempts = latencies.length + result.errors;
  const errors = unexpected + result.errors;
  return {
    users: options.connections ?? stage.users,
    durationSeconds: result.duration,
    requests: latencies.length,
    requestsPerSecond: latencies.length / Math.max(result.duration, 0.001),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors,
    errorRate: attempts === 0 ? 1 : errors / attempts,
    statuses,
  };
}
