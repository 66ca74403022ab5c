import { sql } from "drizzle-orm";
import type { DbTransaction } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import type { ParsedMessage } from "@/server/google";

export interface MatchedMessage {
  message: ParsedMessage;
  contactIds: string[];
  direction: "sent" | "received";
}

export interface SenderSighting {
  email: string;
  name: string | null;
  at: Date;
}

export interface Batch {
  matched: MatchedMessage[];
  /** Gmail ids to remove: deleted, moved to trash or spam, or no longer involving a client. */
  removed: string[];
  senders: SenderSighting[];
}

export interface Cursor {
  historyId: string | null;
  pageToken: string | null;
  fullSyncHistoryId: string | null;
}

/** Thrown when another run of the same connection moved the cursor first: this run's page is rolled back and it stops. */
export class CursorMovedError extends Error {
  constructor() {
    super("the sync position moved under this run");
    this.name = "CursorMovedError";
  }
}

/**
 * Stores one page of the sync and moves the cursor in the same transaction, by compare-and-set: the
 * page commits only if the cursor is still where this run read it, so a page is never applied twice
 * and the cursor never passes mail that was not stored. Idempotent on (connection, Gmail message id).
 */
export async function storeBatch(
  tx: DbTransaction,
  connection: { id: string; userId: string },
  batch: Batch,
  from: Cursor,
  to: Cursor,
): Promise<{ imported: number }> {
  const moved = await tx.execute(sql`
    update public.google_connections
       set history_id = ${to.historyId}, sync_page_token = ${to.pageToken},
           full_sync_history_id = ${to.fullSyncHistoryId}, updated_at = now()
     where id = ${connection.id}
       and history_id is not distinct from ${from.historyId}
       and sync_page_token is not distinct from ${from.pageToken}
       and full_sync_history_id is not distinct from ${from.fullSyncHistoryId}
     returning id`);
  if (resultRows(moved).length === 0) throw new CursorMovedError();

  if (batch.removed.length > 0)
    await tx.execute(sql`
      delete from public.email_messages
       where user_id = ${connection.userId} and connection_id = ${connection.id}
         and gmail_message_id = any(array(select jsonb_array_elements_text(${JSON.stringify(batch.removed)}::jsonb)))`);

  let imported = 0;
  for (const { message, contactIds, direction } of batch.matched) {
    const rows = await tx.execute(sql`
      insert into public.email_messages
        (user_id, connection_id, gmail_message_id, thread_id, subject, snippet, from_email, from_name,
         to_addresses, cc_addresses, sent_at, direction, body_text, body_truncated, attachments, label_ids)
      values (${connection.userId}, ${connection.id}, ${message.id}, ${message.threadId}, ${message.subject},
              ${message.snippet}, ${message.from?.email ?? null}, ${message.from?.name ?? null},
              ${JSON.stringify(message.to)}::jsonb, ${JSON.stringify(message.cc)}::jsonb, ${message.sentAt.toISOString()},
              ${direction}, ${message.body}, ${message.bodyTruncated}, ${JSON.stringify(message.attachments)}::jsonb,
              array(select jsonb_array_elements_text(${JSON.stringify(message.labelIds)}::jsonb)))
      on conflict (connection_id, gmail_message_id) do update
         set label_ids = excluded.label_ids, subject = excluded.subject, snippet = excluded.snippet
      returning id, (xmax = 0) as inserted`);
    const row = resultRows<{ id: string; inserted: boolean }>(rows)[0];
    if (!row) continue;
    if (row.inserted) imported += 1;
    await tx.execute(sql`
      insert into public.email_message_contacts (user_id, message_id, contact_id, sent_at)
      select ${connection.userId}, ${row.id}, contact_id::uuid, ${message.sentAt.toISOString()}
        from jsonb_array_elements_text(${JSON.stringify(contactIds)}::jsonb) as contact_id
      on conflict do nothing`);
  }

  for (const sender of batch.senders)
    await tx.execute(sql`
      insert into public.email_sender_suggestions (user_id, email, display_name, message_count, last_seen_at)
      values (${connection.userId}, ${sender.email}, ${sender.name}, 1, ${sender.at.toISOString()})
      on conflict (user_id, email) do update
         set message_count = email_sender_suggestions.message_count + 1,
             display_name = coalesce(excluded.display_name, email_sender_suggestions.display_name),
             last_seen_at = greatest(email_sender_suggestions.last_seen_at, excluded.last_seen_at)`);

  if (imported > 0)
    await tx.execute(sql`
      update public.google_connections set messages_imported = messages_imported + ${imported} where id = ${connection.id}`);
  return { imported };
}
