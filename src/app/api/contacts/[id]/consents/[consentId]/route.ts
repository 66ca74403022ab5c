import { defineRoute } from "@/server/http/route";
import { getClientConsent, getClientConsentParams } from "@/server/services/consents";

/** One consent record with the full text of the version the client answered. */
export const GET = defineRoute({
  auth: "required",
  params: getClientConsentParams,
  handler: async ({ user, params }) =>
    getClientConsent({ userId: user.id }, { contactId: params.id, consentId: params.consentId }),
});
