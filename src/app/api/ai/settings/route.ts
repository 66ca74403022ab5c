import { defineRoute } from "@/server/http/route";
import { getAiSettings, updateAiSettings, updateAiSettingsInput } from "@/server/services/ai";

export const GET = defineRoute({
  auth: "required",
  handler: async ({ user }) => getAiSettings({ userId: user.id }),
});

export const PATCH = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  body: updateAiSettingsInput,
  handler: async ({ user, body }) => updateAiSettings({ userId: user.id }, body),
});
