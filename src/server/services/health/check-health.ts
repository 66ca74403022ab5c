import { getDatabase } from "@/server/db";
import { pingRateLimiter } from "@/server/security/rate-limit";
import { pingStorage } from "@/server/storage";
import { buildInfo } from "./build-info";
import { runCheck, type CheckResult } from "./run-check";

export type HealthCheckName = "database" | "rateLimiter" | "storage";

export interface HealthCheck {
  /** A required check failing makes the instance unhealthy (503); an optional one makes it degraded (200). */
  required: boolean;
  run: () => Promise<unknown>;
}

/**
 * Nothing works without the database. The rate limiter and file storage are reported but optional:
 * with the limiter down, API routes fail open and sign-in fails closed, and without storage only
 * attachments fail; restarting this instance (what a failing health check triggers) would fix neither.
 */
export const HEALTH_CHECKS: Record<HealthCheckName, HealthCheck> = {
  database: {
    required: true,
    run: async () => (await getDatabase()).sql.query("select 1"),
  },
  rateLimiter: { required: false, run: pingRateLimiter },
  storage: { required: false, run: pingStorage },
};

export type HealthStatus = "ok" | "degraded" | "fail";

export interface HealthReport {
  status: HealthStatus;
  version: string;
  commit: string;
  uptimeSeconds: number;
  checks: Record<HealthCheckName, CheckResult>;
}

/** Liveness with dependency checks, run in parallel, each within its own timeout. */
export async function checkHealth(checks: Record<HealthCheckName, HealthCheck> = HEALTH_CHECKS): Promise<HealthReport> {
  const names = Object.keys(checks) as HealthCheckName[];
  const results = await Promise.all(names.map((name) => runCheck(name, checks[name].run)));
  const byName = Object.fromEntries(names.map((name, index) => [name, results[index]])) as HealthReport["checks"];
  const failed = names.filter((name) => !byName[name].ok);
  const status: HealthStatus = failed.some((name) => checks[name].required)
    ? "fail"
    : failed.length > 0
      ? "degraded"
      : "ok";
  return { status, ...buildInfo(), uptimeSeconds: Math.round(process.uptime()), checks: byName };
}
