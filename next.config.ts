import type { NextConfig } from "next";
import { withSentryConfig } from "@sentry/nextjs/config";
import "./src/server/config/env";
import { API_HEADERS, EVERY_PATH_HEADERS } from "./src/server/security/headers";
import { sentryBuildOptions } from "./src/server/observability/sentry-build";

const nextConfig: NextConfig = {
  // A separate build directory lets parallel builds (e.g. the bench and e2e) coexist.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  output: "standalone",
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: {
    // Next adds its build directory's type paths to the tsconfig it is given; scripted builds in their
    // own directory (zero-downtime, bench, e2e) hand it a scratch tsconfig so tsconfig.json never changes.
    tsconfigPath: process.env.NEXT_TSCONFIG_PATH ?? "tsconfig.json",
    // Those builds only need to run the app: CI type-checks once, in its own step.
    ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1",
  },
  // The proxy sets the full header set on what it handles; this reaches what it skips (/_next/static,
  // images, and the API, whose request-dependent headers defineRoute adds).
  async headers() {
    const list = (headers: Readonly<Record<string, string>>) =>
      Object.entries(headers).map(([key, value]) => ({ key, value }));
    return [
      { source: "/:path*", headers: list(EVERY_PATH_HEADERS) },
      { source: "/api/:path*", headers: list(API_HEADERS) },
    ];
  },
  outputFileTracingIncludes: {
    "/**": ["./supabase/migrations/*.sql", "./supabase/rollbacks/*.sql"],
  },
};

export default withSentryConfig(nextConfig, sentryBuildOptions);
