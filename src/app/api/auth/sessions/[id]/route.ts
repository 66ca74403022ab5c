import { sessionIdParams } from "@/lib/contracts/security";
import { authCallFrom } from "@/server/auth/auth-call";
import { defineRoute } from "@/server/http/route";
import { revokeSession } from "@/server/services/auth";

/** Signs out one session of the account (404 for any id that is not one of its live sessions). */
export const DELETE = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: sessionIdParams,
  handler: async (ctx) => revokeSession(ctx.user, ctx.params.id, authCallFrom(ctx)),
});
