import { downloadResponse } from "@/server/http/download";
import { defineRoute } from "@/server/http/route";
import { exportAuditEvents, exportAuditEventsInput } from "@/server/services/audit";

/** The caller's filtered audit events as a streamed CSV download; the export is itself recorded. */
export const GET = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  query: exportAuditEventsInput,
  handler: async ({ user, query, responseHeaders }) => {
    const { fileName, stream } = await exportAuditEvents({ userId: user.id }, query);
    return downloadResponse({ body: stream, contentType: "text/csv; charset=utf-8", fileName }, responseHeaders);
  },
});
