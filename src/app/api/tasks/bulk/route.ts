import { defineRoute } from "@/server/http/route";
import { bulkTaskInput, bulkUpdateTasks } from "@/server/services/tasks";

export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  body: bulkTaskInput,
  handler: async ({ user, body }) => bulkUpdateTasks({ userId: user.id }, body),
});
