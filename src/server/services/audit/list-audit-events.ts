import { auditEventsQuery, type AuditEventsPage, type AuditEventsQuery } from "@/lib/contracts/audit";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { decodeKeysetCursor, encodeKeysetCursor } from "@/server/pagination/keyset-cursor";
import { withCallerValues } from "@/server/services/contacts/database-errors";
import { auditPageStatement, toAuditEvent, type AuditEventRow } from "./audit-query";

export { auditEventsQuery as listAuditEventsInput };

/** The practitioner's own events, newest first, one keyset page at a time (row level security applies). */
export async function listAuditEvents(context: { userId: string }, query: AuditEventsQuery): Promise<AuditEventsPage> {
  const { cursor, limit, ...filters } = query;
  const after = cursor === undefined ? null : decodeKeysetCursor(cursor);
  const rows = await withCallerValues(() =>
    withUserDb(context.userId, async (tx) =>
      resultRows<AuditEventRow>(await tx.execute(auditPageStatement(context.userId, filters, after, limit + 1))),
    ),
  );
  const items = rows.slice(0, limit).map(toAuditEvent);
  const last = items.at(-1);
  const nextCursor = rows.length > limit && last ? encodeKeysetCursor({ at: last.occurredAt, id: last.id }) : null;
  return { items, nextCursor };
}
