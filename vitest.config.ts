import os from "node:os";
import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname, "src") };
// Anything a test writes to the embedded data directory lands in a throwaway folder, never in the checkout.
const testDataDir = path.join(os.tmpdir(), `omnicrm-vitest-${process.pid}`);
const testEnv = { NODE_ENV: "test" as const, LOG_LEVEL: "silent", NEXT_TELEMETRY_DISABLED: "1", DATA_DIR: testDataDir };

const postgresUrl = process.env.TEST_DATABASE_URL;
if (process.env.CI === "true" && (!postgresUrl || !process.env.TEST_REDIS_URL)) {
  throw new Error(
    "CI=true requires TEST_DATABASE_URL and TEST_REDIS_URL: every suite must also run on real Postgres and Redis.",
  );
}

const integration = (kind: "pglite" | "postgres") => ({
  extends: true as const,
  test: {
    name: `integration:${kind}`,
    include: ["tests/integration/**/*.test.ts"],
    env: { ...testEnv, TEST_DB_KIND: kind },
    setupFiles: ["tests/support/setup-database.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

/** Suites that need a real server (pg_dump, Redis); they run whenever the server is configured, and always in CI. */
const serviceSuite = (name: string, include: string) => ({
  extends: true as const,
  test: {
    name,
    include: [include],
    env: { ...testEnv, TEST_DB_KIND: "postgres" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  resolve: { alias },
  test: {
    globalSetup: ["tests/support/global-setup.ts"],
    // Tests that run system tools (shellcheck, yamllint) are `npm run test:tools` (vitest.tools.config.ts): `npm test` needs only Node.
    exclude: [...configDefaults.exclude, "**/*.tools.test.ts"],
    pool: "forks",
    coverage: {
      provider: "v8",
      include: ["src/server/**/*.ts", "src/lib/**/*.ts", "src/app/api/**/*.ts", "src/proxy.ts"],
      exclude: ["**/*.test.ts", "src/**/index.ts"],
      thresholds: { statements: 80, branches: 75, functions: 80, lines: 80 },
      reporter: ["text-summary", "json-summary"],
    },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["src/**/*.test.ts", "scripts/**/*.test.ts"], env: testEnv },
      },
      integration("pglite"),
      ...(postgresUrl ? [integration("postgres"), serviceSuite("postgres-only", "tests/postgres/**/*.test.ts")] : []),
      ...(process.env.TEST_REDIS_URL ? [serviceSuite("redis", "tests/redis/**/*.test.ts")] : []),
    ],
  },
});
