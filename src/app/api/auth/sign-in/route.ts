import { signInInput } from "@/lib/contracts/auth";
import { authCallFrom } from "@/server/auth/auth-call";
import { defineRoute } from "@/server/http/route";
import { emailKey, signIn } from "@/server/services/auth";

export const POST = defineRoute({
  auth: "none",
  rateLimit: [{ policy: "signIn", keyFrom: emailKey }, { policy: "signInIp" }],
  body: signInInput,
  handler: async (ctx) => signIn(ctx.body, authCallFrom(ctx)),
});
