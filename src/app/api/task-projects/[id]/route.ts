import { defineRoute } from "@/server/http/route";
import { deleteProject, taskIdParams, updateProject, updateProjectInput } from "@/server/services/tasks";

export const PATCH = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: taskIdParams,
  body: updateProjectInput,
  handler: async ({ user, params, body }) => updateProject({ userId: user.id }, { id: params.id, changes: body }),
});

export const DELETE = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: taskIdParams,
  successStatus: 204,
  handler: async ({ user, params }) => deleteProject({ userId: user.id }, params),
});
