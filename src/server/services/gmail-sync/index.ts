export { syncGmail, gmailSyncPayload, type SyncOverrides } from "./sync-gmail";
export { scheduleGmailSyncs } from "./schedule-gmail-syncs";
