import { changePasswordRequest } from "@/lib/contracts/security";
import { authCallFrom } from "@/server/auth/auth-call";
import { defineRoute } from "@/server/http/route";
import { changePassword } from "@/server/services/auth";

/** Changes the password (the current one verified); other sessions are signed out, this one stays. */
export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "passwordChange" },
  body: changePasswordRequest,
  handler: async (ctx) => changePassword(ctx.user, ctx.body, authCallFrom(ctx)),
});
