import { defineRoute } from "@/server/http/route";
import { listSenderSuggestions } from "@/server/services/google";

export const GET = defineRoute({
  auth: "required",
  handler: async ({ user }) => listSenderSuggestions(user.id),
});
