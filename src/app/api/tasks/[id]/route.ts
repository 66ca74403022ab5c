import { defineRoute } from "@/server/http/route";
import { deleteTask, getTask, taskIdParams, updateTask, updateTaskInput } from "@/server/services/tasks";

export const GET = defineRoute({
  auth: "required",
  params: taskIdParams,
  handler: async ({ user, params }) => getTask({ userId: user.id }, params),
});

export const PATCH = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: taskIdParams,
  body: updateTaskInput,
  handler: async ({ user, params, body }) => updateTask({ userId: user.id }, { id: params.id, changes: body }),
});

export const DELETE = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: taskIdParams,
  successStatus: 204,
  handler: async ({ user, params }) => deleteTask({ userId: user.id }, params),
});
