import autocannon from "autocannon";

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  headers?: Record<string, string>;
  /** A slow answer shows in the percentiles; only one that never comes within this counts as an error. */
  timeoutSeconds?: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  responses: number;
  /** Connection errors, timeouts and non-2xx answers: any of them makes the measurement invalid. */
  failures: number;
  statuses: Record<string, number>;
  /** Request errors by kind (timeouts, resets…), from autocannon's reqError events. */
  errors: Record<string, number>;
}

/** Nearest-rank percentile of ascending `sorted` latencies (ms). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** One autocannon run: every response time (autocannon's own summary has no p95) and what failed. */
export interface LoadSample {
  latencies: number[];
  seconds: number;
  failures: number;
  statuses: Record<string, number>;
  errors: Record<string, number>;
}

function add(into: Record<string, number>, from: Record<string, number>): Record<string, number> {
  for (const [key, count] of Object.entries(from)) into[key] = (into[key] ?? 0) + count;
  return into;
}

/** Combines the rounds of one route into throughput and latency percentiles. */
export function combine(samples: LoadSample[]): LoadResult {
  const sorted = Float64Array.from(samples.flatMap((sample) => sample.latencies)).sort();
  const seconds = samples.reduce((total, sample) => total + sample.seconds, 0);
  return {
    requestsPerSecond: seconds > 0 ? sorted.length / seconds : 0,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    responses: sorted.length,
    failures: samples.reduce((total, sample) => total + sample.failures, 0),
    statuses: samples.reduce((all, sample) => add(all, sample.statuses), {}),
    errors: samples.reduce((all, sample) => add(all, sample.errors), {}),
  };
}

export async function measure(options: LoadOptions): Promise<LoadSample> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const errors: Record<string, number> = {};
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const settings = {
      url: options.url,
      connections: options.connections,
      duration: options.durationSeconds,
      headers: options.headers ?? {},
      timeout: options.timeoutSeconds ?? 30,
    };
    const instance = autocannon(settings, (error: unknown, done: autocannon.Result) =>
      error ? reject(error instanceof Error ? error : new Error("autocannon failed", { cause: error })) : resolve(done),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
    instance.on("reqError", (error: unknown) => {
      const kind = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : "unknown";
      errors[kind] = (errors[kind] ?? 0) + 1;
    });
  });
  return { latencies, seconds: result.duration, failures: result.errors + result.non2xx, statuses, errors };
}
