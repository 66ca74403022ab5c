import { sql } from "drizzle-orm";
import { withSystemDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { parseGmailMessage, type GmailMailbox } from "@/server/google";
import { isBlocked, isExcluded, participantsOf } from "./mail-filters";
import type { Batch } from "./store-batch";

/** Gmail reads in flight at once for one page: enough to hide latency, few enough to stay under Gmail's per-user rate. */
const READ_CONCURRENCY = 8;

async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export interface MatchContext {
  userId: string;
  ownEmail: string;
  blocklist: string[];
  signal: AbortSignal;
}

/** The practitioner's clients by normalised email, for the addresses of one page. */
async function contactsByEmail(userId: string, emails: string[]): Promise<Map<string, string[]>> {
  if (emails.length === 0) return new Map();
  const rows = await withSystemDb("gmail-sync:match-contacts", async (tx) =>
    resultRows<{ email: string; id: string }>(
      await tx.execute(sql`
        select email_normalized as email, id from public.contacts
         where user_id = ${userId}
           and email_normalized = any(array(select jsonb_array_elements_text(${JSON.stringify(emails)}::jsonb)))`),
    ),
  );
  const map = new Map<string, string[]>();
  for (const row of rows) map.set(row.email, [...(map.get(row.email) ?? []), row.id]);
  return map;
}

/**
 * Reads a page of Gmail ids (headers first, the full message only when a client is among its
 * participants) and sorts them: messages to store with their clients, ids to remove (gone, in trash
 * or spam, or no longer involving a client), and unknown senders to count as suggestions.
 */
export async function matchMessages(gmail: GmailMailbox, ids: string[], context: MatchContext): Promise<Batch> {
  const unique = [...new Set(ids)];
  const headers = await mapLimited(unique, READ_CONCURRENCY, async (id) => {
    context.signal.throwIfAborted();
    return { id, message: await gmail.getMessage(id, "metadata") };
  });
  const batch: Batch = { matched: [], removed: [], senders: [] };
  const candidates = headers.flatMap(({ id, message }) => {
    if (!message || isExcluded(message.labelIds ?? [])) {
      batch.removed.push(id);
      return [];
    }
    const parsed = parseGmailMessage(message);
    return [{ id, parsed, participants: participantsOf(parsed, context.ownEmail, context.blocklist) }];
  });
  const clients = await contactsByEmail(context.userId, [...new Set(candidates.flatMap((c) => c.participants))]);
  const toRead: { id: string; contactIds: string[]; direction: "sent" | "received" }[] = [];
  for (const { id, parsed, participants } of candidates) {
    const contactIds = [...new Set(participants.flatMap((email) => clients.get(email) ?? []))];
    const direction = parsed.from?.email === context.ownEmail ? "sent" : "received";
    const fromBlocked = parsed.from ? isBlocked(parsed.from.email, context.blocklist) : false;
    if (contactIds.length > 0 && !fromBlocked) toRead.push({ id, contactIds, direction });
    else {
      batch.removed.push(id);
      if (direction === "received" && parsed.from && !fromBlocked && parsed.from.email !== context.ownEmail)
        batch.senders.push({ email: parsed.from.email, name: parsed.from.name, at: parsed.sentAt });
    }
  }
  const full = await mapLimited(toRead, READ_CONCURRENCY, async (entry) => {
    context.signal.throwIfAborted();
    return { ...entry, message: await gmail.getMessage(entry.id, "full") };
  });
  for (const { id, contactIds, direction, message } of full) {
    if (!message) batch.removed.push(id);
    else batch.matched.push({ message: parseGmailMessage(message), contactIds, direction });
  }
  return batch;
}
