import { defineRoute } from "@/server/http/route";
import { deleteOverride, deleteOverrideParams } from "@/server/services/availability";

export const DELETE = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: deleteOverrideParams,
  successStatus: 204,
  handler: async ({ user, params }) => deleteOverride({ userId: user.id }, params),
});
