import { gmail, type gmail_v1 } from "@googleapis/gmail";
import type { OAuth2Client } from "google-auth-library";
import type { GoogleSettings } from "./config";
import { toGoogleError } from "./errors";
import { DEFAULT_RETRY_POLICY, gaxiosRetryConfig, type GoogleRetryPolicy } from "./retry-policy";

export type GmailMessage = gmail_v1.Schema$Message;

export interface MessagePage {
  ids: { id: string; threadId: string | null }[];
  nextPageToken: string | null;
}

export interface HistoryPage {
  added: string[];
  deleted: string[];
  /** Messages whose labels changed (moved to trash or spam, or back): re-read to see where they are. */
  relabelled: string[];
  nextPageToken: string | null;
  historyId: string | null;
}

/** The Gmail calls the sync makes, each with errors mapped to GoogleError. Read-only. */
export interface GmailMailbox {
  profile(): Promise<{ emailAddress: string; historyId: string; messagesTotal: number }>;
  listMessages(input: { query: string; pageToken?: string | null; maxResults?: number }): Promise<MessagePage>;
  /** null when the message is gone (deleted since it was listed). */
  getMessage(id: string, format: "metadata" | "full"): Promise<GmailMessage | null>;
  listHistory(input: { startHistoryId: string; pageToken?: string | null }): Promise<HistoryPage>;
}

const METADATA_HEADERS = ["From", "To", "Cc", "Subject", "Date"];

/** Gmail for one authorised client; every request goes to the configured root with the deliberate retry policy. */
export function gmailMailbox(
  auth: OAuth2Client,
  settings: GoogleSettings,
  retry: GoogleRetryPolicy = DEFAULT_RETRY_POLICY,
): GmailMailbox {
  const api = gmail({
    version: "v1",
    auth,
    rootUrl: settings.endpoints.gmailRoot,
    timeout: 30_000,
    retry: retry.retries > 0,
    retryConfig: gaxiosRetryConfig(retry, ["GET"]),
  });
  return {
    async profile() {
      try {
        const { data } = await api.users.getProfile({ userId: "me" });
        return {
          emailAddress: (data.emailAddress ?? "").toLowerCase(),
          historyId: data.historyId ?? "",
          messagesTotal: data.messagesTotal ?? 0,
        };
      } catch (error) {
        throw toGoogleError(error, "gmail");
      }
    },
    async listMessages({ query, pageToken, maxResults = 500 }) {
      try {
        const { data } = await api.users.messages.list({
          userId: "me",
          q: query,
          maxResults,
          ...(pageToken ? { pageToken } : {}),
        });
        return {
          ids: (data.messages ?? []).flatMap((message) =>
            message.id ? [{ id: message.id, threadId: message.threadId ?? null }] : [],
          ),
          nextPageToken: data.nextPageToken ?? null,
        };
      } catch (error) {
        throw toGoogleError(error, "gmail");
      }
    },
    async getMessage(id, format) {
      try {
        const { data } = await api.users.messages.get({
          userId: "me",
          id,
          format,
          ...(format === "metadata" ? { metadataHeaders: METADATA_HEADERS } : {}),
        });
        return data;
      } catch (error) {
        const mapped = toGoogleError(error, "gmail");
        if (mapped.kind === "not_found") return null;
        throw mapped;
      }
    },
    async listHistory({ startHistoryId, pageToken }) {
      try {
        const { data } = await api.users.history.list({
          userId: "me",
          startHistoryId,
          maxResults: 500,
          historyTypes: ["messageAdded", "messageDeleted", "labelAdded", "labelRemoved"],
          ...(pageToken ? { pageToken } : {}),
        });
        const added: string[] = [];
        const deleted: string[] = [];
        const relabelled: string[] = [];
        for (const record of data.history ?? []) {
          for (const entry of record.messagesAdded ?? []) if (entry.message?.id) added.push(entry.message.id);
          for (const entry of record.messagesDeleted ?? []) if (entry.message?.id) deleted.push(entry.message.id);
          for (const entry of [...(record.labelsAdded ?? []), ...(record.labelsRemoved ?? [])])
            if (entry.message?.id) relabelled.push(entry.message.id);
        }
        return {
          added,
          deleted,
          relabelled,
          nextPageToken: data.nextPageToken ?? null,
          historyId: data.historyId ?? null,
        };
      } catch (error) {
        throw toGoogleError(error, "history");
      }
    },
  };
}
