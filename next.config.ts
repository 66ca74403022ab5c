import type { NextConfig } from "next";
import "./src/server/config/env";

const nextConfig: NextConfig = {
  output: "standalone",
  poweredByHeader: false,
  reactStrictMode: true,
  outputFileTracingIncludes: {
    "/**": ["./supabase/migrations/*.sql", "./supabase/rollbacks/*.sql"],
  },
};

export default nextConfig;
