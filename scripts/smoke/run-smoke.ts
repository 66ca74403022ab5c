import { SMOKE_CHECKS, type SmokeCheck, type SmokeResponse } from "./checks";

export interface SmokeOptions {
  baseUrl: URL;
  timeoutMs: number;
  /** Extra request headers, e.g. `x-vercel-protection-bypass` for a protected preview. */
  headers: Record<string, string>;
  checks?: SmokeCheck[];
}

export interface SmokeResult {
  name: string;
  url: string;
  status: number | "error";
  durationMs: number;
  problems: string[];
}

async function fetchOnce(url: URL, options: SmokeOptions): Promise<SmokeResponse> {
  const started = performance.now();
  const response = await fetch(url, {
    headers: { "user-agent": "omnicrm-smoke", ...options.headers },
    redirect: "manual",
    signal: AbortSignal.timeout(options.timeoutMs),
  });
  const body = await response.text();
  return { status: response.status, headers: response.headers, body, durationMs: performance.now() - started };
}

/** Runs every check once; paths shared by several checks are fetched once. */
export async function runSmoke(options: SmokeOptions): Promise<SmokeResult[]> {
  const checks = options.checks ?? SMOKE_CHECKS;
  const responses = new Map<string, Promise<SmokeResponse>>();
  const results: SmokeResult[] = [];
  for (const check of checks) {
    const url = new URL(check.path, options.baseUrl);
    if (!responses.has(url.href)) responses.set(url.href, fetchOnce(url, options));
    try {
      const response = await responses.get(url.href)!;
      const problems = check.verify(response, options.baseUrl);
      results.push({
        name: check.name,
        url: url.href,
        status: response.status,
        durationMs: response.durationMs,
        problems,
      });
    } catch (error) {
      const reason =
        error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      results.push({
        name: check.name,
        url: url.href,
        status: "error",
        durationMs: 0,
        problems: [`request failed: ${reason}`],
      });
    }
  }
  return results;
}

/** Retries the whole run while anything fails: a fresh deployment may still be warming up. */
export async function runSmokeWithRetries(
  options: SmokeOptions,
  retries: number,
  retryDelayMs: number,
  onAttemptFailed: (attempt: number, results: SmokeResult[]) => void = () => undefined,
): Promise<SmokeResult[]> {
  for (let attempt = 1; ; attempt++) {
    const results = await runSmoke(options);
    if (results.every((result) => result.problems.length === 0) || attempt > retries) return results;
    onAttemptFailed(attempt, results);
    await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
  }
}

export function formatReport(baseUrl: URL, results: SmokeResult[]): string {
  const failed = results.filter((result) => result.problems.length > 0);
  const lines = [`Smoke test of ${baseUrl.origin}`];
  for (const result of results) {
    const mark = result.problems.length === 0 ? "PASS" : "FAIL";
    lines.push(`  ${mark}  ${result.name}  (${result.status}, ${Math.round(result.durationMs)} ms)  ${result.url}`);
    for (const problem of result.problems) lines.push(`          - ${problem}`);
  }
  lines.push(
    failed.length === 0
      ? `All ${results.length} checks passed.`
      : `${failed.length} of ${results.length} checks failed: ${failed.map((result) => result.name).join("; ")}`,
  );
  return lines.join("\n");
}
