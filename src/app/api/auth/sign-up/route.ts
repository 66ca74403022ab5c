import { signUpInput } from "@/lib/contracts/auth";
import { authCallFrom } from "@/server/auth/auth-call";
import { defineRoute } from "@/server/http/route";
import { signUp } from "@/server/services/auth";

export const POST = defineRoute({
  auth: "none",
  rateLimit: { policy: "signUp" },
  body: signUpInput,
  successStatus: 201,
  handler: async (ctx) => signUp(ctx.body, authCallFrom(ctx)),
});
