import { defineRoute } from "@/server/http/route";
import { createOverride, createOverrideInput, listOverrides, listOverridesQuery } from "@/server/services/availability";

export const GET = defineRoute({
  auth: "required",
  query: listOverridesQuery,
  handler: async ({ user, query }) => listOverrides({ userId: user.id }, query),
});

export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  body: createOverrideInput,
  successStatus: 201,
  handler: async ({ user, body }) => createOverride({ userId: user.id }, body),
});
