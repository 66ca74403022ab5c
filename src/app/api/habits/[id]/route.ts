import { defineRoute } from "@/server/http/route";
import {
  deleteHabit,
  deleteHabitParams,
  updateHabit,
  updateHabitInput,
  updateHabitParams,
} from "@/server/services/habits";

export const PATCH = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: updateHabitParams,
  body: updateHabitInput,
  handler: async ({ user, params, body }) => updateHabit({ userId: user.id }, { id: params.id, changes: body }),
});

export const DELETE = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: deleteHabitParams,
  successStatus: 204,
  handler: async ({ user, params }) => deleteHabit({ userId: user.id }, params),
});
