import { dismissSuggestionInput } from "@/lib/contracts/google";
import { defineRoute } from "@/server/http/route";
import { dismissSenderSuggestion } from "@/server/services/google";

export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  body: dismissSuggestionInput,
  successStatus: 204,
  handler: async ({ user, body }) => dismissSenderSuggestion(user.id, body.email),
});
