import { defineRoute } from "@/server/http/route";
import {
  deleteSessionType,
  deleteSessionTypeInput,
  updateSessionType,
  updateSessionTypeInput,
  updateSessionTypeParams,
} from "@/server/services/session-types";

export const PATCH = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: updateSessionTypeParams,
  body: updateSessionTypeInput,
  handler: async ({ user, params, body }) => updateSessionType({ userId: user.id }, { id: params.id, changes: body }),
});

export const DELETE = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: deleteSessionTypeInput,
  successStatus: 204,
  handler: async ({ user, params }) => deleteSessionType({ userId: user.id }, params),
});
