import { defineRoute } from "@/server/http/route";
import { listConsentDocumentVersions, listConsentDocumentVersionsParams } from "@/server/services/consents";

/** Every published version of one kind, newest first. */
export const GET = defineRoute({
  auth: "required",
  params: listConsentDocumentVersionsParams,
  handler: async ({ user, params }) => ({
    versions: await listConsentDocumentVersions({ userId: user.id }, params.kind),
  }),
});
