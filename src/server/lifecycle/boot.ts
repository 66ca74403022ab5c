import type { Env } from "@/server/config/env";

/**
 * Everything the Node.js server does once before serving, in order: configuration (a bad variable
 * stops the process with the list), connection tracking and signal handling, error reporting, the
 * metrics that read the database, and in embedded mode its secrets, database and job runner.
 */
export async function boot(): Promise<void> {
  const env = await loadConfiguration();
  const { rootLogger } = await import("@/server/observability/logger");
  const started = performance.now();
  const failed = (error: unknown) => {
    rootLogger.fatal({ err: error }, "startup failed");
    process.exit(1);
  };
  try {
    const embedded = (await start(env))?.ready;
    const booted = () => rootLogger.info({ durationMs: Math.round(performance.now() - started) }, "server booted");
    // `next dev` compiles the first page while the embedded database is created and migrated (the
    // two took ~25 s one after the other on a first run); a request that needs the database waits
    // for it. A production server still answers nothing before its database is ready.
    if (embedded && env.NODE_ENV === "development") void embedded.then(booted, failed);
    else {
      await embedded;
      booted();
    }
  } catch (error) {
    failed(error);
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

/**
 * Starts what the server needs; in embedded mode returns the opening of its database and job runner
 * (wrapped: an async function returning a bare promise would wait for it).
 */
async function start(env: Env): Promise<{ ready: Promise<void> } | undefined> {
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
  if (!isEmbedded) return undefined;
  const { ensureEmbeddedSecrets } = await import("@/server/config/embedded-secrets");
  ensureEmbeddedSecrets();
  const { getDatabase } = await import("@/server/db");
  // Opening migrates it, so requests find a ready database (and a locked data directory fails at boot, loudly).
  const ready = getDatabase().then(() => {
    const runner = startJobRunner();
    onShutdown("job-runner", () => runner.stop());
  });
  return { ready };
}
