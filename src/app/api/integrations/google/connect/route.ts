import { appOriginFromHeaders } from "@/server/auth/auth-call";
import { redirectResponse } from "@/server/auth/redirect";
import { defineRoute } from "@/server/http/route";
import { startGoogleConnect } from "@/server/services/google";

/** A link the practitioner follows: 302 to Google's consent screen (or back to the page when Google is not set up). */
export const GET = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  handler: async ({ user, request, responseHeaders }) =>
    redirectResponse(
      await startGoogleConnect(user, appOriginFromHeaders(request.headers, request.url)),
      responseHeaders,
      302,
    ),
});
