import { authCallFrom } from "@/server/auth/auth-call";
import { defineRoute } from "@/server/http/route";
import { revokeOtherSessions } from "@/server/services/auth";

/** Signs out every session of the account but this one. */
export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  handler: async (ctx) => revokeOtherSessions(ctx.user, authCallFrom(ctx)),
});
