import { defineRoute } from "@/server/http/route";
import {
  deleteContact,
  deleteContactInput,
  getContact,
  getContactInput,
  updateContact,
  updateContactInput,
  updateContactParams,
} from "@/server/services/contacts";

export const GET = defineRoute({
  auth: "required",
  params: getContactInput,
  handler: async ({ user, params }) => getContact({ userId: user.id }, params),
});

export const PATCH = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: updateContactParams,
  body: updateContactInput,
  handler: async ({ user, params, body }) => updateContact({ userId: user.id }, { id: params.id, changes: body }),
});

export const DELETE = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: deleteContactInput,
  successStatus: 204,
  handler: async ({ user, params }) => deleteContact({ userId: user.id }, params),
});
