import { defineRoute } from "@/server/http/route";
import { currentAccount } from "@/server/services/auth";

export const GET = defineRoute({
  auth: "required",
  handler: async ({ user }) => currentAccount(user),
});
