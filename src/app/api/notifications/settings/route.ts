import { defineRoute } from "@/server/http/route";
import {
  getNotificationSettings,
  updateNotificationSetting,
  updateNotificationSettingInput,
} from "@/server/services/notifications";

export const GET = defineRoute({
  auth: "required",
  handler: async ({ user }) => getNotificationSettings({ userId: user.id }),
});

export const PATCH = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  body: updateNotificationSettingInput,
  handler: async ({ user, body }) => updateNotificationSetting({ userId: user.id }, body),
});
