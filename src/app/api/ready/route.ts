import { defineRoute } from "@/server/http/route";
import { checkReadiness } from "@/server/services/health";

export const dynamic = "force-dynamic";

/** Readiness: 200 only when this instance can serve (database answers, migrations current, not shutting down). */
export const GET = defineRoute({
  auth: "none",
  handler: async () => {
    const readiness = await checkReadiness();
    return Response.json(readiness, { status: readiness.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
  },
});
