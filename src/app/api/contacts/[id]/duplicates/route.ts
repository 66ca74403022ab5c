import { defineRoute } from "@/server/http/route";
import { findContactDuplicates, findContactDuplicatesInput } from "@/server/services/contacts";

export const GET = defineRoute({
  auth: "required",
  params: findContactDuplicatesInput,
  handler: async ({ user, params }) => findContactDuplicates({ userId: user.id }, params),
});
