import { env } from "@/server/config/env";
import { AppError } from "@/server/errors";
import { sameSecret } from "@/server/security/same-secret";
import { metricsRegistry } from "./metrics";

/**
 * Who may scrape: without METRICS_TOKEN the endpoint does not exist (404); with it, the caller
 * must send `Authorization: Bearer <token>`, compared in constant time (401 otherwise).
 */
export function assertMetricsAccess(authorization: string | null, token: string | undefined = env.METRICS_TOKEN): void {
  if (!token) throw AppError.notFound("Page");
  const presented = /^Bearer\s+(.+)$/i.exec(authorization ?? "")?.[1]?.trim() ?? "";
  if (!sameSecret(presented, token)) {
    throw new AppError("unauthorized", "A valid metrics token is required", {
      headers: { "WWW-Authenticate": 'Bearer realm="metrics"' },
    });
  }
}

export interface MetricsScrape {
  contentType: string;
  body: string;
}

/** After the token check, the Prometheus text exposition of every registered metric (requests, durations, process, job queue). */
export async function scrapeMetrics(authorization: string | null): Promise<MetricsScrape> {
  assertMetricsAccess(authorization);
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}
