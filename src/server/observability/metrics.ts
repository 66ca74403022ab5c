import client from "prom-client";

interface MetricsState {
  registry: client.Registry;
  requests: client.Counter<"method" | "route" | "status">;
  duration: client.Histogram<"method" | "route" | "status">;
}

function create(): MetricsState {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new client.Counter({
      name: "http_requests_total",
      help: "HTTP requests answered, by route and status",
      labelNames: ["method", "route", "status"],
      registers: [registry],
    }),
    duration: new client.Histogram({
      name: "http_request_duration_seconds",
      help: "HTTP request duration in seconds, by route and status",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}

// Survives dev reloads so counters are not registered twice.
const metrics = ((globalThis as { omnicrmMetrics?: MetricsState }).omnicrmMetrics ??= create());

export function recordRequest(method: string, route: string, status: number, seconds: number): void {
  const labels = { method, route, status: String(status) };
  metrics.requests.inc(labels);
  metrics.duration.observe(labels, seconds);
}

export const metricsRegistry = metrics.registry;
