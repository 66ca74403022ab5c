import type { SentryBuildOptions } from "@sentry/nextjs/config";

/**
 * Build-time options for `withSentryConfig`: the build never reaches the network (no source map
 * upload, no release creation, no SDK telemetry), so it runs offline and in CI without a Sentry token.
 */
export const sentryBuildOptions: SentryBuildOptions = {
  silent: true,
  telemetry: false,
  sourcemaps: { disable: true },
  release: { create: false },
};
