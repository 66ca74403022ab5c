export {
  googleSettings,
  googleEndpoints,
  GMAIL_READONLY_SCOPE,
  GOOGLE_CONNECT_SCOPES,
  type GoogleSettings,
} from "./config";
export { GoogleError, isGoogleError, toGoogleError, type GoogleErrorKind } from "./errors";
export { DEFAULT_RETRY_POLICY, type GoogleRetryPolicy } from "./retry-policy";
export {
  createOAuthClient,
  createPkcePair,
  consentUrl,
  exchangeCode,
  refreshTokens,
  revokeToken,
  fetchGoogleAccount,
  type GoogleTokens,
  type GoogleAccount,
} from "./oauth";
export { gmailMailbox, type GmailMailbox, type GmailMessage, type MessagePage, type HistoryPage } from "./gmail";
export {
  parseGmailMessage,
  parseAddressList,
  htmlToText,
  MAX_BODY_CHARS,
  type ParsedMessage,
  type ParsedAddress,
} from "./parse-message";
export type { OAuth2Client as GoogleAuthClient } from "google-auth-library";
