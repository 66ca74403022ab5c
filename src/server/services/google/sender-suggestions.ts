import { sql } from "drizzle-orm";
import { SENDER_SUGGESTION_THRESHOLD, type SenderSuggestion } from "@/lib/contracts/google";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { AppError } from "@/server/errors";

/**
 * `GET /api/integrations/google/suggestions`: unknown senders who wrote at least three times, not
 * dismissed, not blocked and not (any more) a client's address. Never creates a client.
 */
export async function listSenderSuggestions(userId: string): Promise<{ items: SenderSuggestion[] }> {
  return withUserDb(userId, async (tx) => {
    const rows = resultRows<{
      email: string;
      display_name: string | null;
      message_count: number;
      last_seen_at: string;
    }>(
      await tx.execute(sql`
        select s.email, s.display_name, s.message_count::int as message_count, s.last_seen_at
          from public.email_sender_suggestions s
         where s.user_id = ${userId} and s.dismissed_at is null and s.message_count >= ${SENDER_SUGGESTION_THRESHOLD}
           and not exists (select 1 from public.contacts c where c.user_id = ${userId} and c.email_normalized = s.email)
         order by s.message_count desc, s.last_seen_at desc
         limit 20`),
    );
    return {
      items: rows.map((row) => ({
        email: row.email,
        displayName: row.display_name,
        messageCount: Number(row.message_count),
        lastSeenAt: new Date(row.last_seen_at).toISOString(),
      })),
    };
  });
}

/** `POST /api/integrations/google/suggestions/dismiss`: "not a client", never suggested again. */
export async function dismissSenderSuggestion(userId: string, email: string): Promise<void> {
  await withUserDb(userId, async (tx) => {
    const updated = resultRows(
      await tx.execute(sql`
        update public.email_sender_suggestions set dismissed_at = now()
         where user_id = ${userId} and email = ${email} returning email`),
    );
    if (updated.length === 0) throw AppError.notFound("Suggestion");
  });
}
