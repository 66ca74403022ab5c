import { blocklistEntryParams } from "@/lib/contracts/google";
import { defineRoute } from "@/server/http/route";
import { removeFromBlocklist } from "@/server/services/google";

export const DELETE = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: blocklistEntryParams,
  successStatus: 204,
  handler: async ({ user, params }) => removeFromBlocklist(user.id, params.id),
});
