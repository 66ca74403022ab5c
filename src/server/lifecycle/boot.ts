import type { Env } from "@/server/config/env";

/**
 * Everything the Node.js server does once before serving, in order: configuration (a bad variable
 * stops the process with the list), connection tracking and signal handling, error reporting, the
 * metrics that read the database, and in embedded mode its secrets, database and job runner.
 */
export async function boot(): Promise<void> {
  const env = await loadConfiguration();
  const { rootLogger } = await import("@/server/observability/logger");
  try {
    await start(env);
  } catch (error) {
    rootLogger.fatal({ err: error }, "startup failed");
    process.exit(1);
  }
}

async function loadConfiguration(): Promise<Env> {
  try {
    return (await import("@/server/config/env")).env;
  } catch {
    // The configuration module has already written the list of invalid variables to stderr.
    process.exit(1);
  }
}

async function start(env: Env): Promise<void> {
  const { trackHttpServers, installShutdownHooks, onShutdown } = await import("./index");
  trackHttpServers();
  installShutdownHooks({ graceMs: env.SHUTDOWN_GRACE_SECONDS * 1000 });

  if (env.SENTRY_DSN) {
    const { initServerSentry, flushServerSentry } = await import("@/server/observability/sentry-server");
    const { buildInfo } = await import("@/server/services/health/build-info");
    initServerSentry({
      dsn: env.SENTRY_DSN,
      environment: env.SENTRY_ENVIRONMENT ?? env.NODE_ENV,
      release: buildInfo().version,
    });
    onShutdown("error-reports", () => flushServerSentry());
  }

  const { registerJobMetrics, startJobRunner } = await import("@/server/jobs");
  registerJobMetrics();

  const { isEmbedded } = await import("@/server/config/mode");
  if (!isEmbedded) return;
  const { ensureEmbeddedSecrets } = await import("@/server/config/embedded-secrets");
  ensureEmbeddedSecrets();
  const { getDatabase } = await import("@/server/db");
  // Opening migrates it, so the first request finds a ready database (and a locked data directory fails here, loudly).
  await getDatabase();
  const runner = startJobRunner();
  onShutdown("job-runner", () => runner.stop());
}
