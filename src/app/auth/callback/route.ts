import { oauthCallbackQuery } from "@/lib/contracts/auth";
import { authCallFrom } from "@/server/auth/auth-call";
import { redirectResponse } from "@/server/auth/redirect";
import { defineRoute } from "@/server/http/route";
import { finishGoogleSignIn } from "@/server/services/auth";

/** Supabase sends the browser here after Google sign-in, with a one-time code to exchange for a session. */
export const GET = defineRoute({
  auth: "none",
  rateLimit: { policy: "public" },
  query: oauthCallbackQuery,
  handler: async (ctx) => redirectResponse(await finishGoogleSignIn(ctx.query, authCallFrom(ctx)), ctx.responseHeaders),
});
