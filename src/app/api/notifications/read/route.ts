import { defineRoute } from "@/server/http/route";
import { markNotificationsRead, markNotificationsReadInput } from "@/server/services/notifications";

export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  body: markNotificationsReadInput,
  handler: async ({ user, body }) => markNotificationsRead({ userId: user.id }, body),
});
