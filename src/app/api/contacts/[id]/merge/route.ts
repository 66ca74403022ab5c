import { contactIdParams } from "@/lib/contracts/contacts";
import { defineRoute } from "@/server/http/route";
import { mergeContacts, mergeContactsInput } from "@/server/services/contacts";

export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: contactIdParams,
  body: mergeContactsInput,
  handler: async ({ user, params, body }) => mergeContacts({ userId: user.id }, { id: params.id, ...body }),
});
