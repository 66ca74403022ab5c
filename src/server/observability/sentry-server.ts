import * as Sentry from "@sentry/nextjs";
import { sentrySharedOptions } from "./sentry-options";

const REPLACED_INTEGRATIONS = new Set(["Http", "ProcessSession"]);

export interface ServerSentrySettings {
  dsn: string;
  environment: string;
  release: string;
}

/** Starts the server SDK. Called from `register()` only when SENTRY_DSN is set: without it nothing is sent anywhere. */
export function initServerSentry({ dsn, environment, release }: ServerSentrySettings): void {
  Sentry.init({
    ...sentrySharedOptions,
    dsn,
    environment,
    release,
    // Errors only: request latency is measured by Prometheus (/api/metrics), not by tracing, and
    // release-health sessions are off, so an error report is the only thing that leaves the process.
    tracesSampleRate: 0,
    integrations: (defaults) => [
      ...defaults.filter((integration) => !REPLACED_INTEGRATIONS.has(integration.name)),
      Sentry.httpIntegration({ disableIncomingRequestSpans: true, sessions: false, maxRequestBodySize: "none" }),
    ],
  });
}

/** Sends what is queued before the process exits (a shutdown stopper). */
export async function flushServerSentry(timeoutMs = 2_000): Promise<void> {
  await Sentry.flush(timeoutMs);
}
