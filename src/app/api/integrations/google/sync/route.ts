import { googleSyncInput } from "@/lib/contracts/google";
import { defineRoute } from "@/server/http/route";
import { requestGmailSync } from "@/server/services/google";

export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  body: googleSyncInput,
  successStatus: 202,
  handler: async ({ user, body }) => requestGmailSync(user.id, body),
});
