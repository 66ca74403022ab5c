import { sql } from "drizzle-orm";
import type { TimelineEntry, TimelinePage, TimelineQuery } from "@/lib/contracts/timeline";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { decodeKeysetCursor, encodeKeysetCursor } from "@/server/pagination/keyset-cursor";
import type { UserContext } from "@/server/services/contacts";
import { withCallerValues } from "@/server/services/contacts/database-errors";
import { assertContactExists } from "@/server/services/notes/note-row";

interface TimelineRow {
  kind: "note" | "email";
  id: string;
  at: string;
  position: string;
  status: "draft" | "final" | null;
  excerpt: string | null;
  thread_id: string | null;
  direction: "sent" | "received" | null;
  subject: string | null;
  snippet: string | null;
  from_email: string | null;
  from_name: string | null;
  attachment_count: number | null;
}

const EXCERPT_CHARS = 280;

/**
 * `GET /api/contacts/:id/timeline`: the client's notes and emails in one list, newest first, keyset
 * paged by (time, id) — a note's creation, an email's date — and filterable by kind. Each kind is
 * read through its own index and the union keeps only one page plus one of each.
 */
export async function listTimeline(
  context: UserContext,
  input: { contactId: string } & TimelineQuery,
): Promise<TimelinePage> {
  const { userId } = context;
  const after = input.cursor === undefined ? undefined : decodeKeysetCursor(input.cursor);
  const limit = input.limit + 1;
  const before = (at: ReturnType<typeof sql>, id: ReturnType<typeof sql>) =>
    after ? sql`and (${at}, ${id}) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql``;
  const notes = sql`
    (select 'note' as kind, n.id, n.created_at as at, n.status, left(n.body_text, ${EXCERPT_CHARS}) as excerpt,
            null::text as thread_id, null::text as direction, null::text as subject, null::text as snippet,
            null::text as from_email, null::text as from_name, null::int as attachment_count
       from public.notes n
      where n.user_id = ${userId} and n.contact_id = ${input.contactId} ${before(sql`n.created_at`, sql`n.id`)}
      order by n.created_at desc, n.id desc limit ${limit})`;
  const emails = sql`
    (select 'email' as kind, m.id, l.sent_at as at, null::text as status, null::text as excerpt,
            m.thread_id, m.direction, m.subject, m.snippet, m.from_email, m.from_name,
            jsonb_array_length(m.attachments) as attachment_count
       from public.email_message_contacts l
       join public.email_messages m on m.user_id = l.user_id and m.id = l.message_id
      where l.user_id = ${userId} and l.contact_id = ${input.contactId} ${before(sql`l.sent_at`, sql`l.message_id`)}
      order by l.sent_at desc, l.message_id desc limit ${limit})`;
  const parts = input.kind === "note" ? [notes] : input.kind === "email" ? [emails] : [notes, emails];
  return withCallerValues(() =>
    withUserDb(userId, async (tx) => {
      await assertContactExists(tx, userId, input.contactId);
      const rows = resultRows<TimelineRow>(
        await tx.execute(sql`
          select t.*, to_json(t.at) #>> '{}' as position
            from (${sql.join(parts, sql` union all `)}) t
           order by t.at desc, t.id desc
           limit ${limit}`),
      );
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return {
        entries: page.map(toEntry),
        nextCursor: rows.length > input.limit && last ? encodeKeysetCursor({ at: last.position, id: last.id }) : null,
      };
    }),
  );
}

function toEntry(row: TimelineRow): TimelineEntry {
  const at = new Date(row.at).toISOString();
  if (row.kind === "note")
    return { kind: "note", id: row.id, at, status: row.status ?? "draft", excerpt: row.excerpt ?? "" };
  return {
    kind: "email",
    id: row.id,
    at,
    threadId: row.thread_id ?? "",
    direction: row.direction ?? "received",
    subject: row.subject ?? "",
    snippet: row.snippet ?? "",
    from: row.from_email ? { name: row.from_name, email: row.from_email } : null,
    attachmentCount: Number(row.attachment_count ?? 0),
  };
}
