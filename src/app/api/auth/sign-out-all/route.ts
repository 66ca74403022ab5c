import { authCallFrom } from "@/server/auth/auth-call";
import { defineRoute } from "@/server/http/route";
import { signOutEverywhere } from "@/server/services/auth";

export const POST = defineRoute({
  auth: "required",
  handler: async (ctx) => signOutEverywhere(ctx.user, authCallFrom(ctx)),
});
