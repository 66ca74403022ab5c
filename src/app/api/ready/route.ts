import { defineRoute } from "@/server/http/route";
import { checkReadiness } from "@/server/services/health";

export const dynamic = "force-dynamic";

/** Readiness: 200 only when this instance can serve (database answers, migrations current, not shutting down). */
export const GET = defineRoute({
  auth: "none",
  rateLimit: { none: "polled by the orchestrator during deploys; a 429 would take a healthy instance out of rotation" },
  handler: async () => {
    const readiness = await checkReadiness();
    return Response.json(readiness, { status: readiness.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
  },
});
