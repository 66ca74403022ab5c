import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * Browser tests against the production build (`npm run build` first; `NEXT_DIST_DIR` picks another
 * build directory), served by `npm start`'s standalone server on an empty data directory made for this run.
 */
const port = Number(process.env.E2E_PORT ?? 3141);
const baseURL = `http://127.0.0.1:${port}`;
/** A fake Google (tests/support/fake-google.ts) the server's Connect Google talks to, 1000 ports above the app (neighbouring ports are other runs' apps). */
const googlePort = Number(process.env.E2E_GOOGLE_PORT ?? port + 1000);
process.env.E2E_GOOGLE_URL ??= `http://127.0.0.1:${googlePort}`;

// The local OpenAI-compatible fake (tests/support/fake-ai-provider.ts) that AI specs start on this port.
process.env.E2E_AI_PORT ??= String(port + 10_000);

// Chosen once by the runner (workers inherit it and read the outbox from it); the server creates it on start.
process.env.E2E_DATA_DIR ??= path.join(tmpdir(), `omnicrm-e2e-${randomUUID()}`);

/** The system Chromium (apt package `chromium`); browsers are never downloaded. */
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
};

export default defineConfig({
  testDir: "tests/e2e",
  globalTeardown: "./tests/e2e/support/global-teardown.ts",
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  // Two cores shared with the server: one browser at a time keeps timings honest.
  workers: 1,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    baseURL,
    launchOptions,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions } }],
  webServer: [
    {
      command: "npx tsx tests/e2e/support/fake-google-server.ts",
      url: `${process.env.E2E_GOOGLE_URL}/__fake/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
      env: { E2E_GOOGLE_PORT: String(googlePort) },
    },
    {
      // `npm start`'s entry: the standalone server, with the static files copied beside it.
      command: "node scripts/start.mjs",
      url: `${baseURL}/api/ready`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        DATA_DIR: process.env.E2E_DATA_DIR,
        NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next",
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        NEXT_TELEMETRY_DISABLED: "1",
        LOG_LEVEL: "warn",
        // Every test signs up its own practitioner from 127.0.0.1; the production default is 10 an hour.
        RATE_LIMIT_SIGN_UPS_PER_HOUR: "1000",
        GOOGLE_CLIENT_ID: "e2e-client-id",
        GOOGLE_CLIENT_SECRET: "e2e-client-secret",
        GOOGLE_BASE_URL: process.env.E2E_GOOGLE_URL,
        // AI is configured against the fake provider; nothing is sent unless a practitioner turns AI on.
        AI_BASE_URL: `http://127.0.0.1:${process.env.E2E_AI_PORT}/v1`,
        AI_API_KEY: "e2e-key",
        AI_CHAT_MODEL: "fake-chat",
      },
    },
  ],
});
