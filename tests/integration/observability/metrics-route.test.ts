import { afterAll, describe, expect, it, vi } from "vitest";

const TOKEN = "scrape-token-4f9a2c7e1b";
type Handler = (request: Request) => Promise<Response>;

/** Configuration is read when the app's modules load, so each variant loads the route afresh. */
async function metricsRoute(token: string | undefined): Promise<Handler> {
  if (token === undefined) delete process.env.METRICS_TOKEN;
  else process.env.METRICS_TOKEN = token;
  vi.resetModules();
  return (await import("@/app/api/metrics/route")).GET;
}

const scrape = (handler: Handler, authorization?: string) =>
  handler(new Request("http://localhost/api/metrics", authorization ? { headers: { authorization } } : undefined));

afterAll(() => {
  delete process.env.METRICS_TOKEN;
});

describe("GET /api/metrics", () => {
  it("does not exist (404) while METRICS_TOKEN is unset", async () => {
    const handler = await metricsRoute(undefined);
    expect((await scrape(handler, `Bearer ${TOKEN}`)).status).toBe(404);
  });

  it("refuses a missing or wrong token with 401", async () => {
    const handler = await metricsRoute(TOKEN);
    expect((await scrape(handler)).status).toBe(401);
    const wrong = await scrape(handler, `Bearer ${TOKEN.replace("4f", "5f")}`);
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("answers Prometheus text: request counts and duration histogram by route and status, and process metrics", async () => {
    const handler = await metricsRoute(TOKEN);
    await scrape(handler, "Bearer nope");
    const response = await scrape(handler, `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/^# TYPE http_requests_total counter$/m);
    expect(text).toMatch(/^http_requests_total\{method="GET",route="\/api\/metrics",status="401"\} [1-9]\d*$/m);
    expect(text).toMatch(/^# TYPE http_request_duration_seconds histogram$/m);
    expect(text).toMatch(
      /^http_request_duration_seconds_bucket\{le="0\.5",method="GET",route="\/api\/metrics",status="401"\} [1-9]\d*$/m,
    );
    expect(text).toMatch(
      /^http_request_duration_seconds_count\{method="GET",route="\/api\/metrics",status="401"\} \d+$/m,
    );
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d+/m);
  });
});
