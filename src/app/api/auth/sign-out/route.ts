import { authCallFrom } from "@/server/auth/auth-call";
import { defineRoute } from "@/server/http/route";
import { signOut } from "@/server/services/auth";

export const POST = defineRoute({
  auth: "none",
  handler: async (ctx) => signOut(authCallFrom(ctx)),
});
