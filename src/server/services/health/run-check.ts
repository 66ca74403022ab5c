import { log } from "@/server/observability/logger";

export interface CheckResult {
  ok: boolean;
  latencyMs: number;
  /** A fixed word, never the underlying message: health answers are public and must not leak hosts or queries. */
  error?: "timeout" | "unavailable";
}

/** Each dependency gets its own deadline, so one slow dependency cannot make the whole answer slow. */
export const CHECK_TIMEOUT_MS = 1_500;

class CheckTimeout extends Error {}

/** Runs one dependency check within `timeoutMs`; the real failure goes to the log, not the answer. */
export async function runCheck(
  name: string,
  check: () => Promise<unknown>,
  timeoutMs = CHECK_TIMEOUT_MS,
): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const attempt = check();
  // A check that loses the race may still fail later; that rejection is expected and ignored.
  attempt.catch(() => undefined);
  try {
    await Promise.race([
      attempt,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new CheckTimeout()), timeoutMs);
      }),
    ]);
    return { ok: true, latencyMs: elapsed(started) };
  } catch (error) {
    const timedOut = error instanceof CheckTimeout;
    log().warn({ check: name, timeoutMs, ...(timedOut ? {} : { err: error }) }, `health check ${name} failed`);
    return { ok: false, latencyMs: elapsed(started), error: timedOut ? "timeout" : "unavailable" };
  } finally {
    clearTimeout(timer);
  }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
