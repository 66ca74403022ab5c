export { getGoogleIntegration } from "./get-google-integration";
export { startGoogleConnect } from "./start-google-connect";
export { completeGoogleConnect } from "./complete-google-connect";
export { requestGmailSync } from "./request-gmail-sync";
export { disconnectGoogle } from "./disconnect-google";
export { listBlocklist, addToBlocklist, removeFromBlocklist } from "./email-blocklist";
export { listSenderSuggestions, dismissSenderSuggestion } from "./sender-suggestions";
