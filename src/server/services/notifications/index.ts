export { notify, type PostedNotification } from "./notify";
export { emailNotificationAfterResponse } from "./email-notification";
export { listNotifications, listNotificationsInput } from "./list-notifications";
export { markNotificationsRead, markNotificationsReadInput } from "./mark-notifications-read";
export {
  getNotificationSettings,
  updateNotificationSetting,
  updateNotificationSettingInput,
} from "./notification-settings";
export { NOTIFICATION_KIND_DEFINITIONS, type NotificationData } from "./notification-kinds";
