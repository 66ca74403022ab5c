import { authCallFrom } from "@/server/auth/auth-call";
import { defineRoute } from "@/server/http/route";
import { listSessions } from "@/server/services/auth";

/** The account's live sessions, this one marked. */
export const GET = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  handler: async (ctx) => listSessions(ctx.user, authCallFrom(ctx)),
});
