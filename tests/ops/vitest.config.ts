import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Operations tests: delivery configuration (vercel.json, Dockerfile.prod, compose, workflows,
 * runbooks) and the production build started the way the container starts it. Slow (they build
 * the app once), so they run as their own suite: `npm run test:ops`.
 */
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "../../src") } },
  test: {
    name: "ops",
    root: path.resolve(import.meta.dirname, "../.."),
    include: ["tests/ops/**/*.test.ts"],
    env: { NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "silent" },
    pool: "forks",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
