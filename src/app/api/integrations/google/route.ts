import { appOriginFromHeaders } from "@/server/auth/auth-call";
import { defineRoute } from "@/server/http/route";
import { disconnectGoogle, getGoogleIntegration } from "@/server/services/google";

export const GET = defineRoute({
  auth: "required",
  handler: async ({ user, request }) =>
    getGoogleIntegration(user.id, appOriginFromHeaders(request.headers, request.url)),
});

export const DELETE = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  successStatus: 204,
  handler: async ({ user }) => disconnectGoogle(user.id),
});
