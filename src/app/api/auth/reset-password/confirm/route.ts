import { confirmResetPasswordRequest } from "@/lib/contracts/auth";
import { authCallFrom } from "@/server/auth/auth-call";
import { defineRoute } from "@/server/http/route";
import { confirmPasswordReset } from "@/server/services/auth";

export const POST = defineRoute({
  auth: "none",
  rateLimit: { policy: "public" },
  body: confirmResetPasswordRequest,
  handler: async (ctx) => confirmPasswordReset(ctx.body, authCallFrom(ctx)),
});
