import { defineRoute } from "@/server/http/route";
import { listNotifications, listNotificationsInput } from "@/server/services/notifications";

export const GET = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  query: listNotificationsInput,
  handler: async ({ user, query }) => listNotifications({ userId: user.id }, query),
});
