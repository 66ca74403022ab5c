import { z } from "@/lib/zod";

/** Contracts for `/api/integrations/google*`, shared by the route handlers and Settings → Integrations. */

export const GOOGLE_CONNECTION_STATUSES = ["connected", "needs_reconnect", "failing"] as const;
export type GoogleConnectionStatus = (typeof GOOGLE_CONNECTION_STATUSES)[number];

/** What Settings → Integrations shows: how the connection is, in the practitioner's terms. */
export const GOOGLE_SYNC_STATES = [
  "syncing",
  "up_to_date",
  "needs_reconnect",
  "failing",
  /** Connected, but no sync has succeeded for 24 hours: never shown as healthy. */
  "stalled",
] as const;
export type GoogleSyncState = (typeof GOOGLE_SYNC_STATES)[number];

/** Hours without a successful sync after which a connection counts as stalled (and the alert fires). */
export const GOOGLE_SYNC_STALE_HOURS = 24;

export const googleConnectionSchema = z.object({
  id: z.uuid(),
  googleEmail: z.string(),
  scopes: z.array(z.string()),
  gmailGranted: z.boolean(),
  status: z.enum(GOOGLE_CONNECTION_STATUSES),
  statusReason: z.string().nullable(),
  syncState: z.enum(GOOGLE_SYNC_STATES),
  messagesImported: z.number().int(),
  lastSyncStartedAt: z.iso.datetime({ offset: true }).nullable(),
  lastSyncSucceededAt: z.iso.datetime({ offset: true }).nullable(),
  lastSyncFailedAt: z.iso.datetime({ offset: true }).nullable(),
  connectedAt: z.iso.datetime({ offset: true }),
});
export type GoogleConnection = z.infer<typeof googleConnectionSchema>;

/** `GET /api/integrations/google`. */
export const googleIntegrationSchema = z.object({
  /** False when GOOGLE_CLIENT_ID / GOOGLE_CLIENT_SECRET are not set: the page says what to set. */
  configured: z.boolean(),
  /** The redirect URI to register with the Google OAuth client. */
  redirectUri: z.string(),
  initialSyncDays: z.number().int(),
  connection: googleConnectionSchema.nullable(),
});
export type GoogleIntegration = z.infer<typeof googleIntegrationSchema>;

/** `POST /api/integrations/google/sync`: `full` imports the last N days again from scratch. */
export const googleSyncInput = z.object({ full: z.boolean().optional() }).strict();
export type GoogleSyncInput = z.infer<typeof googleSyncInput>;

/** What the callback redirects to Settings → Integrations with (`?google=`), never Google's raw text. */
export const GOOGLE_CALLBACK_OUTCOMES = {
  connected: "Google is connected. Your email with clients is being imported.",
  denied: "Google was not connected: access was not granted.",
  expired: "That Google sign-in took too long or came from another session. Try again.",
  no_gmail: "Google was connected without Gmail access, so no email can be imported. Connect again and allow Gmail.",
  failed: "Google could not be connected. Try again in a moment.",
  unconfigured: "Google is not set up on this server.",
} as const;
export type GoogleCallbackOutcome = keyof typeof GOOGLE_CALLBACK_OUTCOMES;

/** OAuth callback query: Google's own parameters, bounded. */
export const googleCallbackQuery = z.object({
  state: z.string().min(1).max(200).optional(),
  code: z.string().min(1).max(2000).optional(),
  error: z.string().max(200).optional(),
  scope: z.string().max(4000).optional(),
});

/** An address (`sam@example.com`) or a whole domain (`@example.com`), stored lower case. */
export const blocklistPattern = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .regex(/^([^\s@<>",]+)?@[^\s@<>",]+\.[^\s@<>",]+$/, {
    message: "Enter an address (sam@example.com) or a domain (@example.com)",
  });

export const addBlocklistInput = z.object({ pattern: blocklistPattern }).strict();
export type AddBlocklistInput = z.infer<typeof addBlocklistInput>;

export const blocklistEntrySchema = z.object({
  id: z.uuid(),
  pattern: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});
export const blocklistSchema = z.object({ items: z.array(blocklistEntrySchema) });
export type BlocklistEntry = z.infer<typeof blocklistEntrySchema>;
export const blocklistEntryParams = z.object({ id: z.uuid() });

/** Unknown senders with at least this many emails are suggested as clients. */
export const SENDER_SUGGESTION_THRESHOLD = 3;

export const senderSuggestionSchema = z.object({
  email: z.string(),
  displayName: z.string().nullable(),
  messageCount: z.number().int(),
  lastSeenAt: z.iso.datetime({ offset: true }),
});
export const senderSuggestionsSchema = z.object({ items: z.array(senderSuggestionSchema) });
export type SenderSuggestion = z.infer<typeof senderSuggestionSchema>;
export const dismissSuggestionInput = z.object({ email: z.string().trim().toLowerCase().min(3).max(320) }).strict();
