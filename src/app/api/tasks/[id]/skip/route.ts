import { defineRoute } from "@/server/http/route";
import { skipTask, taskIdParams } from "@/server/services/tasks";

export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: taskIdParams,
  handler: async ({ user, params }) => skipTask({ userId: user.id }, params),
});
