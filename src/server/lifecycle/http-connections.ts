import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { stampPeerAddress } from "@/server/http/peer-address";
import { refuseTraceOn } from "@/server/http/refuse-trace";
import { isShuttingDown } from "./state";

/** Above the idle timeouts of common load balancers (AWS ALB 60 s, nginx 60 s) so they, not we, close idle sockets. */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** Probes do not count as traffic when deciding that load balancers have stopped sending requests. */
const PROBE_PATHS = new Set(["/api/health", "/api/ready", "/api/metrics"]);

interface Tracker {
  subscribed: boolean;
  servers: Set<Server>;
  inFlight: Set<ServerResponse>;
  lastTrafficAt: number;
}

// On globalThis so a dev reload never subscribes twice.
const tracker = ((globalThis as { omnicrmHttpTracker?: Tracker }).omnicrmHttpTracker ??= {
  subscribed: false,
  servers: new Set(),
  inFlight: new Set(),
  lastTrafficAt: 0,
});

interface RequestStart {
  request: IncomingMessage;
  response: ServerResponse;
  server: Server;
}

/**
 * Watches every HTTP server of the process through Node's `http.server.request.start` channel:
 * Next.js keeps its server private, and this is how shutdown finds it, counts in-flight requests
 * and raises its keep-alive timeout (for `next dev`, `next start` and the standalone `server.js` alike).
 * It fires synchronously before the server emits `request`, so it is also where each request gets
 * its socket peer stamped (see `peer-address.ts`) and where TRACE is refused before Next sees it.
 */
export function trackHttpServers(): void {
  if (tracker.subscribed) return;
  tracker.subscribed = true;
  diagnostics.subscribe("http.server.request.start", (message) => {
    const { request, response, server } = message as RequestStart;
    stampPeerAddress(request);
    if (!tracker.servers.has(server)) adopt(server);
    tracker.inFlight.add(response);
    response.once("close", () => tracker.inFlight.delete(response));
    if (!PROBE_PATHS.has((request.url ?? "/").split("?")[0] ?? "/")) tracker.lastTrafficAt = Date.now();
    if (isShuttingDown()) askToClose(response);
  });
}

function adopt(server: Server): void {
  tracker.servers.add(server);
  refuseTraceOn(server);
  if (server.keepAliveTimeout < KEEP_ALIVE_TIMEOUT_MS) server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // Node requires headersTimeout above keepAliveTimeout, or a reused socket can be cut mid-request.
  if (server.headersTimeout <= server.keepAliveTimeout) server.headersTimeout = server.keepAliveTimeout + 1_000;
  server.once("close", () => tracker.servers.delete(server));
}

/** `Connection: close` on a response not yet started: the client finishes this request, then reconnects elsewhere. */
function askToClose(response: ServerResponse): void {
  if (!response.headersSent) response.setHeader("connection", "close");
}

/** At shutdown: every response not yet started tells its client to reconnect (elsewhere) for the next request. */
export function askInFlightToClose(): void {
  for (const response of tracker.inFlight) askToClose(response);
}

export function millisecondsSinceTraffic(now = Date.now()): number {
  return tracker.lastTrafficAt === 0 ? Number.POSITIVE_INFINITY : now - tracker.lastTrafficAt;
}

export function inFlightRequests(): number {
  return tracker.inFlight.size;
}

/**
 * Stops accepting connections, lets in-flight requests finish, and closes each keep-alive socket
 * the moment it is idle. At the deadline, whatever is still open is cut. Returns how many requests were cut.
 */
export async function closeHttpServers(deadline: number, pollMs = 50): Promise<number> {
  const servers = [...tracker.servers];
  const closed = servers.map((server) => new Promise<void>((resolve) => server.once("close", () => resolve())));
  for (const server of servers) if (server.listening) server.close();
  let allClosed = false;
  void Promise.all(closed).then(() => (allClosed = true));
  while (Date.now() < deadline) {
    askInFlightToClose();
    for (const server of servers) server.closeIdleConnections();
    if (allClosed && tracker.inFlight.size === 0) return 0;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  const cut = tracker.inFlight.size;
  for (const server of servers) server.closeAllConnections();
  return cut;
}
