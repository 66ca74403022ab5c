import { defineRoute } from "@/server/http/route";
import { checkInParams, putCheckIn, putCheckInInput } from "@/server/services/check-ins";

export const PUT = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: checkInParams,
  body: putCheckInInput,
  handler: async ({ user, params, body }) => putCheckIn({ userId: user.id }, { ...params, answers: body }),
});
