import { defineRoute } from "@/server/http/route";
import { createTag, createTagInput, listTags } from "@/server/services/tags";

export const GET = defineRoute({
  auth: "required",
  handler: async ({ user }) => listTags({ userId: user.id }),
});

export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  body: createTagInput,
  successStatus: 201,
  handler: async ({ user, body }) => createTag({ userId: user.id }, body),
});
