import { googleCallbackQuery } from "@/lib/contracts/google";
import { appOriginFromHeaders } from "@/server/auth/auth-call";
import { redirectResponse } from "@/server/auth/redirect";
import { defineRoute } from "@/server/http/route";
import { completeGoogleConnect } from "@/server/services/google";

/** Google sends the browser back here; it always ends on Settings → Integrations with the outcome. */
export const GET = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  query: googleCallbackQuery,
  handler: async ({ user, query, request, responseHeaders }) =>
    redirectResponse(
      await completeGoogleConnect(user, query, appOriginFromHeaders(request.headers, request.url)),
      responseHeaders,
    ),
});
