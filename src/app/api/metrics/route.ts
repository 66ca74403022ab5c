import { defineRoute } from "@/server/http/route";
import { scrapeMetrics } from "@/server/observability/metrics-endpoint";

export const dynamic = "force-dynamic";

/** Prometheus scrape endpoint behind `Authorization: Bearer $METRICS_TOKEN` (404 when the token is unset). */
export const GET = defineRoute({
  auth: "none",
  rateLimit: { none: "scraped by the metrics collector with METRICS_TOKEN; anonymous callers get 401 before any work" },
  handler: async ({ request }) => {
    const { contentType, body } = await scrapeMetrics(request.headers.get("authorization"));
    return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
  },
});
