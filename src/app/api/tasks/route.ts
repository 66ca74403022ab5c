import { defineRoute } from "@/server/http/route";
import { createTask, createTaskInput, listTasks, listTasksInput } from "@/server/services/tasks";

export const GET = defineRoute({
  auth: "required",
  query: listTasksInput,
  handler: async ({ user, query }) => listTasks({ userId: user.id }, query),
});

export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  body: createTaskInput,
  successStatus: 201,
  handler: async ({ user, body }) => createTask({ userId: user.id }, body),
});
