import { defineRoute } from "@/server/http/route";
import { listAuditEvents, listAuditEventsInput } from "@/server/services/audit";

/** The caller's own audit events, newest first, filtered and keyset-paged. */
export const GET = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  query: listAuditEventsInput,
  handler: async ({ user, query }) => listAuditEvents({ userId: user.id }, query),
});
