import { defineRoute } from "@/server/http/route";
import { getClientSummaryStatus, summariseClient, summariseClientParams } from "@/server/services/ai";

/** Whether a summary can be made now, and if not why: no AI call. */
export const GET = defineRoute({
  auth: "required",
  params: summariseClientParams,
  handler: async ({ user, params }) => getClientSummaryStatus({ userId: user.id }, params.id),
});

/** Makes a fresh AI summary of the client's notes (consent, redaction, quota and audit apply). */
export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "aiCall" },
  params: summariseClientParams,
  handler: async ({ user, params }) => summariseClient({ userId: user.id }, params.id),
});
