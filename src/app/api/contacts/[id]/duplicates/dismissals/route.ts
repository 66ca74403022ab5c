import { contactIdParams } from "@/lib/contracts/contacts";
import { defineRoute } from "@/server/http/route";
import { dismissDuplicate, dismissDuplicateInput } from "@/server/services/contacts";

export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: contactIdParams,
  body: dismissDuplicateInput,
  successStatus: 204,
  handler: async ({ user, params, body }) => dismissDuplicate({ userId: user.id }, { id: params.id, ...body }),
});
