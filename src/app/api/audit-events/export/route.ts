import { defineRoute } from "@/server/http/route";
import { exportAuditEvents, exportAuditEventsInput } from "@/server/services/audit";

/** The caller's filtered audit events as a streamed CSV download; the export is itself recorded. */
export const GET = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  query: exportAuditEventsInput,
  handler: async ({ user, query, responseHeaders }) => {
    const { fileName, stream } = await exportAuditEvents({ userId: user.id }, query);
    responseHeaders.set("content-type", "text/csv; charset=utf-8");
    responseHeaders.set("content-disposition", `attachment; filename="${fileName}"`);
    responseHeaders.set("cache-control", "no-store");
    return new Response(stream, { status: 200, headers: responseHeaders });
  },
});
