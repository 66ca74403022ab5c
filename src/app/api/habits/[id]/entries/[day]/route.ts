import { defineRoute } from "@/server/http/route";
import { clearHabitEntry, habitEntryParams, putHabitEntry, putHabitEntryInput } from "@/server/services/habits";

export const PUT = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: habitEntryParams,
  body: putHabitEntryInput,
  handler: async ({ user, params, body }) => putHabitEntry({ userId: user.id }, { ...params, status: body.status }),
});

export const DELETE = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: habitEntryParams,
  handler: async ({ user, params }) => clearHabitEntry({ userId: user.id }, params),
});
