import { defineRoute } from "@/server/http/route";
import { bulkTagContacts, bulkTagContactsInput } from "@/server/services/contacts";

export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  body: bulkTagContactsInput,
  handler: async ({ user, body }) => bulkTagContacts({ userId: user.id }, body),
});
