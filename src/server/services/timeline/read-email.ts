import { sql } from "drizzle-orm";
import type { EmailMessage } from "@/lib/contracts/timeline";
import { withUserDb } from "@/server/db";
import type { EmailAddress } from "@/server/db/schema";
import { resultRows } from "@/server/db/result-rows";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "@/server/services/contacts";

interface EmailRow {
  id: string;
  thread_id: string;
  direction: "sent" | "received";
  subject: string;
  from_email: string | null;
  from_name: string | null;
  to_addresses: EmailAddress[];
  cc_addresses: EmailAddress[];
  sent_at: string;
  body_text: string;
  body_truncated: boolean;
  attachments: { name: string; size: number }[];
}

/**
 * `GET /api/contacts/:id/emails/:emailId`: one email of the client, opened on the timeline. Reading
 * it writes `email.viewed` in the same transaction, as opening a client record does.
 */
export async function readEmail(
  context: UserContext,
  input: { contactId: string; emailId: string },
): Promise<EmailMessage> {
  const { userId } = context;
  return withUserDb(userId, async (tx) => {
    const rows = await tx.execute(sql`
      select m.id, m.thread_id, m.direction, m.subject, m.from_email, m.from_name, m.to_addresses, m.cc_addresses,
             m.sent_at, m.body_text, m.body_truncated, m.attachments
        from public.email_message_contacts l
        join public.email_messages m on m.user_id = l.user_id and m.id = l.message_id
       where l.user_id = ${userId} and l.contact_id = ${input.contactId} and l.message_id = ${input.emailId}`);
    const row = resultRows<EmailRow>(rows)[0];
    if (!row) throw AppError.notFound("Email");
    await recordAuditEvent(tx, {
      userId,
      action: "email.viewed",
      target: { type: "email", id: row.id },
      metadata: { contactId: input.contactId },
    });
    return {
      id: row.id,
      threadId: row.thread_id,
      direction: row.direction,
      subject: row.subject,
      from: row.from_email ? { name: row.from_name, email: row.from_email } : null,
      to: row.to_addresses,
      cc: row.cc_addresses,
      sentAt: new Date(row.sent_at).toISOString(),
      body: row.body_text,
      bodyTruncated: row.body_truncated,
      attachments: row.attachments,
    };
  });
}
