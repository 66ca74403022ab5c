import { defineRoute } from "@/server/http/route";
import { bulkDeleteContacts, bulkDeleteContactsInput } from "@/server/services/contacts";

export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  body: bulkDeleteContactsInput,
  handler: async ({ user, body }) => bulkDeleteContacts({ userId: user.id }, body),
});
