export type LifecyclePhase = "running" | "draining" | "closing";

export type Stopper = () => Promise<void> | void;

interface LifecycleState {
  phase: LifecyclePhase;
  stoppers: Array<{ name: string; stop: Stopper }>;
}

// On globalThis: instrumentation and route handlers are separate bundles that must see one state.
const state = ((globalThis as { omnicrmLifecycle?: LifecycleState }).omnicrmLifecycle ??= {
  phase: "running",
  stoppers: [],
});

export function lifecyclePhase(): LifecyclePhase {
  return state.phase;
}

/** True from the first SIGTERM/SIGINT on: `/api/ready` answers 503 so load balancers stop routing here. */
export function isShuttingDown(): boolean {
  return state.phase !== "running";
}

export function setLifecyclePhase(phase: LifecyclePhase): void {
  state.phase = phase;
}

/**
 * Registers something to stop on shutdown (the job runner, a flush), after in-flight requests have
 * finished and before the database closes. Stoppers run one at a time, newest first.
 */
export function onShutdown(name: string, stop: Stopper): void {
  state.stoppers = [...state.stoppers.filter((entry) => entry.name !== name), { name, stop }];
}

export function registeredStoppers(): ReadonlyArray<{ name: string; stop: Stopper }> {
  return [...state.stoppers].reverse();
}

/** Back to a fresh process state (tests that run the shutdown sequence more than once). */
export function resetLifecycle(): void {
  state.phase = "running";
  state.stoppers = [];
}
