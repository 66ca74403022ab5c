import { defineRoute } from "@/server/http/route";
import {
  withdrawClientConsent,
  withdrawClientConsentInput,
  withdrawClientConsentParams,
} from "@/server/services/consents";

/** Records the client's withdrawal of a granted consent as a new record; answers with that record. */
export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: withdrawClientConsentParams,
  body: withdrawClientConsentInput,
  successStatus: 201,
  handler: async ({ user, params, body }) =>
    withdrawClientConsent({ userId: user.id }, { contactId: params.id, ...body }),
});
