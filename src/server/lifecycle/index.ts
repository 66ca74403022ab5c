export { isShuttingDown, lifecyclePhase, onShutdown, type Stopper } from "./state";
export { trackHttpServers, KEEP_ALIVE_TIMEOUT_MS } from "./http-connections";
export { afterResponse, settleAfterResponse } from "./after-response";
export { installShutdownHooks, shutdown, type ShutdownOptions, type ShutdownSignal } from "./shutdown";
