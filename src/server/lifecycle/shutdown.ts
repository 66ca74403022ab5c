import { closeDatabase } from "@/server/db/client";
import { log } from "@/server/observability/logger";
import { askInFlightToClose, closeHttpServers, inFlightRequests, millisecondsSinceTraffic } from "./http-connections";
import { lifecyclePhase, registeredStoppers, setLifecyclePhase } from "./state";

export type ShutdownSignal = "SIGTERM" | "SIGINT";
type SignalListener = (signal: ShutdownSignal) => void;

export interface ShutdownOptions {
  /** In-flight requests get this long, from the signal, to finish (SHUTDOWN_GRACE_SECONDS). */
  graceMs: number;
  /** Draining ends once no request (probes aside) has arrived for this long: load balancers have noticed. */
  quietMs?: number;
  /** Next.js's own signal listeners, run once draining is over (they close its server and flush `after()` work). */
  frameworkListeners?: SignalListener[];
  exit?: (code: number) => void;
}

/** Stoppers and the database close get this long after the grace period before the process exits regardless. */
const RESOURCE_BUDGET_MS = 5_000;
// Captured before anything can hold process.exit back (see runFrameworkListeners).
const realExit: (code: number) => never = process.exit.bind(process);
const DRAIN_SHARE_OF_GRACE = 0.4;
const DEFAULT_QUIET_MS = 2_000;

/**
 * The graceful shutdown sequence: readiness turns 503 at once; traffic drains while load balancers
 * notice (until no request has arrived for quietMs); the HTTP server stops accepting, in-flight requests finish and keep-alive sockets close as
 * they go idle; then registered stoppers (newest first) and the database close; then exit 0
 * (1 when requests had to be cut or a resource failed to close).
 */
export async function shutdown(signal: ShutdownSignal, options: ShutdownOptions): Promise<number> {
  const { graceMs, quietMs = DEFAULT_QUIET_MS, frameworkListeners = [], exit = realExit } = options;
  const started = Date.now();
  const deadline = started + graceMs;
  setLifecyclePhase("draining");
  askInFlightToClose();
  log().info({ signal, graceMs, inFlight: inFlightRequests() }, "shutdown started: not ready, draining");
  const hardStop = setTimeout(() => exit(1), graceMs + RESOURCE_BUDGET_MS * 2).unref();

  // An orchestrator's SIGTERM keeps "not ready" visible for at least quietMs; a human's SIGINT need not wait.
  const earliestEnd = signal === "SIGTERM" ? started + quietMs : started;
  await drain(earliestEnd, started + graceMs * DRAIN_SHARE_OF_GRACE, quietMs);
  setLifecyclePhase("closing");
  let failures = await closeHttp(signal, frameworkListeners, deadline);
  failures += await stopResources();
  clearTimeout(hardStop);
  const code = failures === 0 ? 0 : 1;
  log().info({ signal, code, durationMs: Date.now() - started }, "shutdown complete");
  exit(code);
  return code;
}

async function drain(earliestEnd: number, drainDeadline: number, quietMs: number): Promise<void> {
  while (Date.now() < drainDeadline && (Date.now() < earliestEnd || millisecondsSinceTraffic() < quietMs)) {
    await sleep(Math.min(100, quietMs));
  }
}

async function closeHttp(signal: ShutdownSignal, listeners: SignalListener[], deadline: number): Promise<number> {
  const framework = listeners.length > 0 ? runFrameworkListeners(signal, listeners) : Promise.resolve();
  const cut = await closeHttpServers(deadline);
  if (cut > 0) log().warn({ cut }, "grace period over: in-flight requests cut");
  const finished = await Promise.race([framework.then(() => true), sleep(Math.max(0, deadline - Date.now()))]);
  if (finished !== true) log().warn("the framework's own shutdown did not finish within the grace period");
  return cut > 0 || finished !== true ? 1 : 0;
}

/**
 * Next's listener closes its server, flushes `after()` callbacks, then calls process.exit(143).
 * That exit is held back so stoppers and the database still close, and the process exits with our code.
 */
function runFrameworkListeners(signal: ShutdownSignal, listeners: SignalListener[]): Promise<void> {
  const heldExit = process.exit.bind(process);
  return new Promise<void>((resolve) => {
    process.exit = (() => {
      process.exit = heldExit;
      resolve();
    }) as unknown as typeof process.exit;
    for (const listener of listeners) listener(signal);
  });
}

async function stopResources(): Promise<number> {
  let failures = 0;
  const steps = [...registeredStoppers(), { name: "database", stop: closeDatabase }];
  for (const { name, stop } of steps) {
    try {
      const outcome = await Promise.race([Promise.resolve(stop()).then(() => "stopped"), sleep(RESOURCE_BUDGET_MS)]);
      if (outcome !== "stopped") throw new Error(`did not stop within ${RESOURCE_BUDGET_MS} ms`);
      log().info({ resource: name }, "stopped");
    } catch (error) {
      failures += 1;
      log().error({ err: error, resource: name }, "failed to stop cleanly");
    }
  }
  return failures;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * Takes over SIGTERM and SIGINT. Next.js installs its own listeners before `register()` runs; they
 * stop accepting connections at once (before load balancers see readiness fail) and exit 143 without
 * closing the app's resources, so they are removed here and run inside the sequence instead.
 */
export function installShutdownHooks(options: Omit<ShutdownOptions, "frameworkListeners">): void {
  const flags = ((globalThis as { omnicrmShutdownHooks?: { installed: boolean } }).omnicrmShutdownHooks ??= {
    installed: false,
  });
  if (flags.installed) return;
  flags.installed = true;
  const signals: ShutdownSignal[] = ["SIGTERM", "SIGINT"];
  const frameworkListeners = new Map<ShutdownSignal, SignalListener[]>();
  for (const signal of signals) {
    const inherited = process.listeners(signal) as SignalListener[];
    frameworkListeners.set(signal, inherited);
    for (const listener of inherited) process.removeListener(signal, listener);
  }
  const onSignal = (signal: ShutdownSignal) => {
    if (lifecyclePhase() !== "running") {
      log().info({ signal }, "shutdown already in progress");
      return;
    }
    void shutdown(signal, { ...options, frameworkListeners: frameworkListeners.get(signal) ?? [] });
  };
  for (const signal of signals) process.on(signal, onSignal);
}
