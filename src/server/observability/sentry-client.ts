import * as Sentry from "@sentry/nextjs";
import { sentrySharedOptions } from "./sentry-options";

/** Starts the browser SDK; loaded by `instrumentation-client.ts` only when NEXT_PUBLIC_SENTRY_DSN was set at build. */
export function initBrowserSentry(dsn: string, environment: string): void {
  Sentry.init({
    ...sentrySharedOptions,
    dsn,
    environment,
    tracesSampleRate: 0,
    // Session replay records the screen, and the screen shows client records: never.
    replaysSessionSampleRate: 0,
    replaysOnErrorSampleRate: 0,
  });
}
