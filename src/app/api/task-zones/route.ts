import { defineRoute } from "@/server/http/route";
import { createZone, createZoneInput, listZones } from "@/server/services/tasks";

export const GET = defineRoute({
  auth: "required",
  handler: async ({ user }) => listZones({ userId: user.id }),
});

export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  body: createZoneInput,
  successStatus: 201,
  handler: async ({ user, body }) => createZone({ userId: user.id }, body),
});
