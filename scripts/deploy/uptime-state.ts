/** Consecutive-failure bookkeeping for the uptime check: one failed probe is noise, two in a row is an outage. */
export interface UptimeState {
  consecutiveFailures: number;
  /** An alert was sent and no recovery notice yet. */
  alertOpen: boolean;
  lastCheckedAt?: string;
  lastProblem?: string;
}

export type UptimeAction = "none" | "alert" | "recovered";

export const INITIAL_STATE: UptimeState = { consecutiveFailures: 0, alertOpen: false };

export function parseState(text: string | undefined): UptimeState {
  if (!text) return INITIAL_STATE;
  try {
    const value = JSON.parse(text) as Partial<UptimeState>;
    return {
      consecutiveFailures: Number.isInteger(value.consecutiveFailures) ? Number(value.consecutiveFailures) : 0,
      alertOpen: value.alertOpen === true,
    };
  } catch {
    return INITIAL_STATE;
  }
}

export function nextState(
  previous: UptimeState,
  problem: string | undefined,
  threshold: number,
  now: Date,
): { state: UptimeState; action: UptimeAction } {
  const lastCheckedAt = now.toISOString();
  if (problem === undefined) {
    return {
      state: { consecutiveFailures: 0, alertOpen: false, lastCheckedAt },
      action: previous.alertOpen ? "recovered" : "none",
    };
  }
  const consecutiveFailures = previous.consecutiveFailures + 1;
  const alert = consecutiveFailures >= threshold && !previous.alertOpen;
  return {
    state: { consecutiveFailures, alertOpen: previous.alertOpen || alert, lastCheckedAt, lastProblem: problem },
    action: alert ? "alert" : "none",
  };
}

/** Why a health answer is not healthy, or undefined when it is. */
export function healthProblem(status: number, body: string): string | undefined {
  let health: unknown;
  try {
    health = JSON.parse(body);
  } catch {
    return `HTTP ${status}, body is not JSON`;
  }
  const reported = typeof health === "object" && health !== null ? (health as { status?: unknown }).status : undefined;
  if (status !== 200) return `HTTP ${status}, status ${JSON.stringify(reported)}`;
  return reported === "ok" ? undefined : `status is ${JSON.stringify(reported)}, expected "ok"`;
}
