import { defineRoute } from "@/server/http/route";
import { deleteZone, taskIdParams, updateZone, updateZoneInput } from "@/server/services/tasks";

export const PATCH = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: taskIdParams,
  body: updateZoneInput,
  handler: async ({ user, params, body }) => updateZone({ userId: user.id }, { id: params.id, changes: body }),
});

export const DELETE = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: taskIdParams,
  successStatus: 204,
  handler: async ({ user, params }) => deleteZone({ userId: user.id }, params),
});
