import { defineRoute } from "@/server/http/route";
import { deleteTag, deleteTagInput, updateTag, updateTagInput, updateTagParams } from "@/server/services/tags";

export const PATCH = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: updateTagParams,
  body: updateTagInput,
  handler: async ({ user, params, body }) => updateTag({ userId: user.id }, { id: params.id, changes: body }),
});

export const DELETE = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: deleteTagInput,
  successStatus: 204,
  handler: async ({ user, params }) => deleteTag({ userId: user.id }, params),
});
