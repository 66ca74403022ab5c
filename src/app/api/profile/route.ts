import { defineRoute } from "@/server/http/route";
import { readProfile, updateProfile, updateProfileInput } from "@/server/services/profiles";

export const GET = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  handler: async ({ user }) => readProfile({ userId: user.id }),
});

export const PATCH = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  body: updateProfileInput,
  handler: async ({ user, body }) => updateProfile({ userId: user.id }, body),
});
