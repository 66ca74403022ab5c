import { resetPasswordInput } from "@/lib/contracts/auth";
import { authCallFrom } from "@/server/auth/auth-call";
import { defineRoute } from "@/server/http/route";
import { emailKey, requestPasswordReset } from "@/server/services/auth";

export const POST = defineRoute({
  auth: "none",
  rateLimit: [{ policy: "passwordReset", keyFrom: emailKey }, { policy: "passwordResetIp" }],
  body: resetPasswordInput,
  successStatus: 202,
  handler: async (ctx) => requestPasswordReset(ctx.body, authCallFrom(ctx)),
});
