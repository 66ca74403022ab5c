import type { NextConfig } from "next";
import "./src/server/config/env";

const nextConfig: NextConfig = {
  // A separate build directory lets parallel builds (e.g. the bench and e2e) coexist.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  output: "standalone",
  poweredByHeader: false,
  reactStrictMode: true,
  outputFileTracingIncludes: {
    "/**": ["./supabase/migrations/*.sql", "./supabase/rollbacks/*.sql"],
  },
};

export default nextConfig;
