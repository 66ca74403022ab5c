import { defineRoute } from "@/server/http/route";
import { getAiUsage } from "@/server/services/ai";

export const GET = defineRoute({
  auth: "required",
  handler: async ({ user }) => getAiUsage({ userId: user.id }),
});
