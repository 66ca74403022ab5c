import { defineRoute } from "@/server/http/route";
import { completeTask, taskIdParams } from "@/server/services/tasks";

export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: taskIdParams,
  handler: async ({ user, params }) => completeTask({ userId: user.id }, params),
});
