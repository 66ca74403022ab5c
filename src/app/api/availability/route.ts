import { defineRoute } from "@/server/http/route";
import { getAvailability, updateAvailability, updateAvailabilityInput } from "@/server/services/availability";

export const GET = defineRoute({
  auth: "required",
  handler: async ({ user }) => getAvailability({ userId: user.id }),
});

export const PUT = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  body: updateAvailabilityInput,
  handler: async ({ user, body }) => updateAvailability({ userId: user.id }, body),
});
