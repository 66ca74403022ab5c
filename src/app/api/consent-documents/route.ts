import { defineRoute } from "@/server/http/route";
import { listConsentDocuments, publishConsentDocument, publishConsentDocumentInput } from "@/server/services/consents";

/** The current version of each consent document (the defaults are published as version 1 on first use). */
export const GET = defineRoute({
  auth: "required",
  handler: async ({ user }) => ({ documents: await listConsentDocuments({ userId: user.id }) }),
});

/** Publishes new wording as the next version of one kind; earlier versions never change. */
export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  body: publishConsentDocumentInput,
  successStatus: 201,
  handler: async ({ user, body }) => publishConsentDocument({ userId: user.id }, body),
});
