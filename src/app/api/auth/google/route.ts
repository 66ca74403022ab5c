import { authCallFrom } from "@/server/auth/auth-call";
import { redirectResponse } from "@/server/auth/redirect";
import { defineRoute } from "@/server/http/route";
import { startGoogleSignIn } from "@/server/services/auth";

export const GET = defineRoute({
  auth: "none",
  rateLimit: { policy: "public" },
  handler: async (ctx) => redirectResponse(await startGoogleSignIn(authCallFrom(ctx)), ctx.responseHeaders),
});
