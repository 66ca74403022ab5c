import { defineRoute } from "@/server/http/route";
import { countContacts, countContactsInput } from "@/server/services/contacts";

export const GET = defineRoute({
  auth: "required",
  query: countContactsInput,
  handler: async ({ user, query }) => countContacts({ userId: user.id }, query),
});
