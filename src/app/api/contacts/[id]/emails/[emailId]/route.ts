import { emailParams } from "@/lib/contracts/timeline";
import { defineRoute } from "@/server/http/route";
import { readEmail } from "@/server/services/timeline";

export const GET = defineRoute({
  auth: "required",
  params: emailParams,
  handler: async ({ user, params }) =>
    readEmail({ userId: user.id }, { contactId: params.id, emailId: params.emailId }),
});
