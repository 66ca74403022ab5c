import client from "prom-client";

/** The app's one registry, kept on globalThis so dev reloads do not register metrics twice. */
const registry = ((globalThis as { omnicrmMetricsRegistry?: client.Registry }).omnicrmMetricsRegistry ??= (() => {
  const created = new client.Registry();
  client.collectDefaultMetrics({ register: created });
  return created;
})());

export const metricsRegistry = registry;

/**
 * The one way to declare a metric, next to the code it measures: registered on the app's registry
 * the first time, the same instance on every later call (module reloads, several importers).
 */
function declare<M extends client.Metric>(name: string, create: () => M): M {
  return (registry.getSingleMetric(name) as M | undefined) ?? create();
}

export function counter<L extends string = string>(config: client.CounterConfiguration<L>): client.Counter<L> {
  return declare(config.name, () => new client.Counter({ ...config, registers: [registry] }));
}

export function gauge<L extends string = string>(config: client.GaugeConfiguration<L>): client.Gauge<L> {
  return declare(config.name, () => new client.Gauge({ ...config, registers: [registry] }));
}

export function histogram<L extends string = string>(config: client.HistogramConfiguration<L>): client.Histogram<L> {
  return declare(config.name, () => new client.Histogram({ ...config, registers: [registry] }));
}

const metrics = {
  requests: counter({
    name: "http_requests_total",
    help: "HTTP requests answered, by route and status",
    labelNames: ["method", "route", "status"],
  }),
  duration: histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request duration in seconds, by route and status",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  }),
  listPages: counter({
    name: "client_list_page_cache_total",
    help: "Clients-list pages asked of the page cache, by whether a page of the current version was there",
    labelNames: ["result"],
  }),
  hashingInFlight: gauge({
    name: "auth_password_hashing_in_flight",
    help: "Password hashes (scrypt) running now, at most the configured slots",
  }),
  hashingQueued: gauge({ name: "auth_password_hashing_queued", help: "Password hashes waiting for a free slot" }),
  hashingRefused: counter({
    name: "auth_password_hashing_refused_total",
    help: "Password hashes refused with a 503 because the queue was full or the wait too long",
  }),
  accountLocks: counter({
    name: "auth_account_locks_total",
    help: "Accounts locked after too many failed sign-ins (locks started)",
  }),
};

export function recordRequest(method: string, route: string, status: number, seconds: number): void {
  const labels = { method, route, status: String(status) };
  metrics.requests.inc(labels);
  metrics.duration.observe(labels, seconds);
}

/** A clients-list page served from memory (hit) or built in Postgres (miss). */
export function recordListPageLookup(result: "hit" | "miss"): void {
  metrics.listPages.inc({ result });
}

/** Clients-list pages served from memory and built, so far. */
export async function listPageLookupCounts(): Promise<{ hit: number; miss: number }> {
  const values = (await metrics.listPages.get()).values;
  const count = (result: string) => values.find((value) => value.labels.result === result)?.value ?? 0;
  return { hit: count("hit"), miss: count("miss") };
}

/** Password hashing slots in use and callers waiting for one. */
export function recordHashingState(state: { running: number; waiting: number }): void {
  metrics.hashingInFlight.set(state.running);
  metrics.hashingQueued.set(state.waiting);
}

export function recordHashingRefused(): void {
  metrics.hashingRefused.inc();
}

export function recordAccountLock(): void {
  metrics.accountLocks.inc();
}

/** Locks started and hashes refused so far (for the tests). */
export async function credentialAbuseCounts(): Promise<{ locks: number; hashingRefused: number }> {
  const first = async (counter: client.Counter) => (await counter.get()).values[0]?.value ?? 0;
  return { locks: await first(metrics.accountLocks), hashingRefused: await first(metrics.hashingRefused) };
}
