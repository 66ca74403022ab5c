import { confirmEmailChangeRequest } from "@/lib/contracts/security";
import { authCallFrom } from "@/server/auth/auth-call";
import { defineRoute } from "@/server/http/route";
import { confirmEmailChange } from "@/server/services/auth";

/** Applies an email change from the link mailed to the new address (no session needed: it may open anywhere). */
export const POST = defineRoute({
  auth: "none",
  rateLimit: { policy: "public" },
  body: confirmEmailChangeRequest,
  handler: async (ctx) => confirmEmailChange(ctx.body, authCallFrom(ctx)),
});
