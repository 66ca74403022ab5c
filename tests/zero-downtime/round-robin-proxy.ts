import http from "node:http";
import type { AddressInfo } from "node:net";

export interface UpstreamTarget {
  name: string;
  port: number;
}

export interface UpstreamState extends UpstreamTarget {
  /** The probe's verdict: "silent" upstreams (probes timing out) get traffic only when none is ready. */
  health: "ready" | "not-ready" | "silent";
  /** Probe verdict changes, for the report: `+1234 ms ready`. */
  transitions: string[];
  /** Requests this upstream answered through the proxy. */
  served: number;
  /** Requests that failed on the way to or from this upstream (the proxy answered 502). */
  failed: number;
}

export interface RoundRobinProxy {
  url: string;
  upstreams: readonly UpstreamState[];
  /** Requests refused because no upstream was ready (the proxy answered 503). */
  readonly refused: number;
  /** Failures by cause, e.g. `ECONNRESET`, for the report. */
  readonly failures: ReadonlyMap<string, number>;
  close(): Promise<void>;
}

export interface ProxyOptions {
  port: number;
  upstreams: UpstreamTarget[];
  /** How often each upstream's /api/ready is asked, like a load balancer's health check. */
  pollMs?: number;
  /** A probe that times out or cannot connect counts against an upstream only this many times in a row. */
  failureThreshold?: number;
  readyPath?: string;
}

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection"]);

/**
 * A small round-robin load balancer: it routes to upstreams whose readiness probe answers 200.
 * An explicit non-200 (a draining instance's 503, a refused connection) takes an upstream out at
 * once; probes that time out a few times in a row demote it to "silent", used only when nothing is
 * ready. It reuses upstream connections (keep-alive, as real balancers do) and never retries, so
 * every dropped connection during a deploy is a failed request.
 */
export async function startRoundRobinProxy({
  port,
  upstreams,
  pollMs = 200,
  failureThreshold = 3,
  readyPath = "/api/ready",
}: ProxyOptions): Promise<RoundRobinProxy> {
  const states: UpstreamState[] = upstreams.map((target) => ({
    ...target,
    health: "not-ready",
    transitions: [],
    served: 0,
    failed: 0,
  }));
  const started = Date.now();
  const failures = new Map<string, number>();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
  let refused = 0;
  let next = 0;
  let polling = true;

  /** "ready", "not-ready" (a non-200 answer or a refused connection: acted on at once) or "no-answer" (timeout). */
  const probe = (state: UpstreamState) =>
    new Promise<"ready" | "not-ready" | "no-answer">((resolve) => {
      const request = http.get({ host: "127.0.0.1", port: state.port, path: readyPath, agent: false, timeout: 2_000 });
      request.on("response", (response) => {
        response.resume();
        resolve(response.statusCode === 200 ? "ready" : "not-ready");
      });
      request.on("timeout", () => request.destroy());
      request.on("error", (error: NodeJS.ErrnoException) =>
        resolve(error.code === "ECONNREFUSED" ? "not-ready" : "no-answer"),
      );
    });
  const setHealth = (state: UpstreamState, health: UpstreamState["health"]) => {
    if (state.health !== health) state.transitions.push(`+${Date.now() - started} ms ${health}`);
    state.health = health;
  };
  const pollLoop = async (state: UpstreamState) => {
    let silentProbes = 0;
    while (polling) {
      const answer = await probe(state);
      silentProbes = answer === "no-answer" ? silentProbes + 1 : 0;
      if (answer !== "no-answer") setHealth(state, answer);
      else if (silentProbes >= failureThreshold && state.health === "ready") setHealth(state, "silent");
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  };
  for (const state of states) void pollLoop(state);

  const pickWith = (health: UpstreamState["health"]): UpstreamState | undefined => {
    for (let attempt = 0; attempt < states.length; attempt += 1) {
      const state = states[(next + attempt) % states.length];
      if (state?.health === health) {
        next = (next + attempt + 1) % states.length;
        return state;
      }
    }
    return undefined;
  };
  // Like real balancers, fail open to slow-to-answer upstreams rather than refuse everything.
  const pick = () => pickWith("ready") ?? pickWith("silent");

  const fail = (state: UpstreamState, cause: string, response: http.ServerResponse) => {
    state.failed += 1;
    failures.set(cause, (failures.get(cause) ?? 0) + 1);
    if (!response.headersSent) response.writeHead(502, { "content-type": "text/plain" });
    response.end(`upstream ${state.name} failed: ${cause}`);
  };

  const server = http.createServer((incoming, outgoing) => {
    const state = pick();
    if (!state) {
      refused += 1;
      outgoing.writeHead(503, { "content-type": "text/plain" }).end("no ready upstream");
      return;
    }
    const headers = { ...incoming.headers };
    for (const name of HOP_BY_HOP) delete headers[name];
    const upstream = http.request(
      { host: "127.0.0.1", port: state.port, method: incoming.method, path: incoming.url, headers, agent },
      (answer) => {
        const answerHeaders = { ...answer.headers };
        for (const name of HOP_BY_HOP) delete answerHeaders[name];
        outgoing.writeHead(answer.statusCode ?? 502, answerHeaders);
        answer.pipe(outgoing);
        answer.on("end", () => (state.served += 1));
        answer.on("error", (error: NodeJS.ErrnoException) => fail(state, error.code ?? error.message, outgoing));
      },
    );
    upstream.on("error", (error: NodeJS.ErrnoException) => fail(state, error.code ?? error.message, outgoing));
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    upstreams: states,
    get refused() {
      return refused;
    },
    failures,
    close: async () => {
      polling = false;
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
