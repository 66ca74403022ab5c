import { defineRoute } from "@/server/http/route";
import { revokeIntakeLink, revokeIntakeLinkInput } from "@/server/services/intake";

export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: revokeIntakeLinkInput,
  handler: async ({ user, params }) => revokeIntakeLink({ userId: user.id }, params),
});
