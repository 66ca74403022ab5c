import { sql } from "drizzle-orm";
import { auditEventFilters, type AuditEventFilters } from "@/lib/contracts/audit";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { type KeysetCursor } from "@/server/pagination/keyset-cursor";
import { withCallerValues } from "@/server/services/contacts/database-errors";
import { BYTE_ORDER_MARK, auditCsvHeaderLine, auditCsvLines } from "./audit-csv";
import { auditCountStatement, auditPageStatement, toAuditEvent, type AuditEventRow } from "./audit-query";
import { recordAuditEvent } from "./record-audit-event";

export { auditEventFilters as exportAuditEventsInput };

/** Events read per page: memory stays flat however long the log. */
const PAGE_SIZE = 500;

export interface AuditCsvExport {
  fileName: string;
  stream: ReadableStream<Uint8Array>;
}

/** The filter names in use (never their values): what the export event records. */
function filterNames(filters: AuditEventFilters): string {
  return Object.entries(filters)
    .filter(([, value]) => value !== undefined)
    .map(([name]) => name)
    .join(",");
}

/**
 * The filtered log as a CSV streamed page by page, newest first. The export is itself recorded
 * (`audit.exported`, with how many events matched) before anything is sent, and the file holds
 * exactly the events older than that record.
 */
export async function exportAuditEvents(
  context: { userId: string },
  filters: AuditEventFilters,
  now: Date = new Date(),
): Promise<AuditCsvExport> {
  const { userId } = context;
  // The count reads the caller's filters first, so a date Postgres cannot read is a 422 before any byte is sent.
  const start = await withCallerValues(() =>
    withUserDb(userId, async (tx) => {
      const [counted] = resultRows<{ count: number | string }>(await tx.execute(auditCountStatement(userId, filters)));
      const id = await recordAuditEvent(tx, {
        userId,
        action: "audit.exported",
        metadata: { count: Number(counted?.count ?? 0), filters: filterNames(filters) },
      });
      const [at] = resultRows<{ at: string }>(
        await tx.execute(sql`select to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at`),
      );
      if (!at) throw new Error("the export start time was not read");
      return { at: at.at, id } satisfies KeysetCursor;
    }),
  );

  const encoder = new TextEncoder();
  let after: KeysetCursor | null = start;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BYTE_ORDER_MARK + auditCsvHeaderLine()));
    },
    async pull(controller) {
      if (after === null) return controller.close();
      const cursor: KeysetCursor = after;
      const rows = await withUserDb(userId, async (tx) =>
        resultRows<AuditEventRow>(await tx.execute(auditPageStatement(userId, filters, cursor, PAGE_SIZE))),
      );
      const events = rows.map(toAuditEvent);
      if (events.length > 0) controller.enqueue(encoder.encode(auditCsvLines(events)));
      const last = events.at(-1);
      after = events.length === PAGE_SIZE && last ? { at: last.occurredAt, id: last.id } : null;
    },
  });
  return { fileName: `activity-${now.toISOString().slice(0, 10)}.csv`, stream };
}
