import { defineRoute } from "@/server/http/route";
import { createContact, createContactInput, listContactsInput, listContactsJson } from "@/server/services/contacts";

export const GET = defineRoute({
  auth: "required",
  query: listContactsInput,
  handler: async ({ user, query }) =>
    listContactsJson({ userId: user.id, clientListVersion: user.clientListVersion }, query),
});

export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  body: createContactInput,
  successStatus: 201,
  handler: async ({ user, body }) => createContact({ userId: user.id }, body),
});
