import { defineConfig } from "vitest/config";

/**
 * Tests that run system tools (shellcheck, yamllint): `*.tools.test.ts`, beside the code they test.
 * `npm test` leaves them out so it passes with nothing but Node; `npm run test:tools` runs them
 * (the `tool-tests` gate, after the `system-tools` gate installs the tools) and fails when a tool is missing.
 */
export default defineConfig({
  test: {
    name: "tools",
    include: ["src/**/*.tools.test.ts", "scripts/**/*.tools.test.ts", "tests/**/*.tools.test.ts"],
    globalSetup: ["tests/support/system-tools.ts"],
    env: { NODE_ENV: "test", LOG_LEVEL: "silent", NEXT_TELEMETRY_DISABLED: "1" },
    pool: "forks",
  },
});
