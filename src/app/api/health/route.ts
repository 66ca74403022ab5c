import { defineRoute } from "@/server/http/route";
import { checkHealth } from "@/server/services/health";

export const dynamic = "force-dynamic";

/** Liveness with dependency checks and the deployed version; 503 when a required dependency fails. */
export const GET = defineRoute({
  auth: "none",
  rateLimit: {
    none: "polled by the platform and uptime monitors every few seconds from shared addresses; answers no account data",
  },
  handler: async () => {
    const report = await checkHealth();
    return Response.json(report, {
      status: report.status === "fail" ? 503 : 200,
      headers: { "cache-control": "no-store" },
    });
  },
});
