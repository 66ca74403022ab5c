import { sql } from "drizzle-orm";
import type { ExportContactsQuery } from "@/lib/contracts/contact-csv";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import {
  CONTACT_COLUMNS,
  contactCountStatement,
  listContacts,
  toContact,
  type ContactRow,
  type UserContext,
} from "@/server/services/contacts";
import { uuidArray } from "@/server/services/contacts/id-list";
import { recordAuditEvent } from "@/server/services/audit";
import { BYTE_ORDER_MARK, csvHeaderLine, csvRecordLines } from "./contact-record";

/** Clients read per page: one list query and one full-row query each, so memory stays flat at any size. */
const PAGE_SIZE = 500;

export interface CsvExport {
  fileName: string;
  stream: ReadableStream<Uint8Array>;
}

/** The list page (same filters, search and sort as `GET /api/contacts`), then every field of its clients in that order. */
async function readPage(userId: string, query: ExportContactsQuery, cursor: string | null) {
  const page = await listContacts({ userId }, { ...query, limit: PAGE_SIZE, ...(cursor === null ? {} : { cursor }) });
  const ids = page.items.map((item) => item.id);
  if (ids.length === 0) return { contacts: [], nextCursor: page.nextCursor };
  const rows = await withUserDb(userId, async (tx) =>
    resultRows<ContactRow>(
      await tx.execute(
        sql`select ${CONTACT_COLUMNS} from public.contacts c where c.user_id = ${userId} and c.id = any(${uuidArray(ids)})`,
      ),
    ),
  );
  const byId = new Map(rows.map((row) => [row.id, toContact(row)]));
  // A client deleted between the two reads is simply left out.
  const contacts = ids.flatMap((id) => byId.get(id) ?? []);
  return { contacts, nextCursor: page.nextCursor };
}

/** Records the export (how many clients match, and which filters were used, never their values) before any row is sent. */
async function recordExport(userId: string, query: ExportContactsQuery): Promise<void> {
  const { sort: _sort, order: _order, ...filters } = query;
  const used = Object.entries(filters).filter(([, value]) => value !== undefined);
  await withUserDb(userId, async (tx) => {
    const [row] = resultRows<{ count: number | string }>(await tx.execute(contactCountStatement(userId, filters)));
    await recordAuditEvent(tx, {
      userId,
      action: "clients.exported",
      metadata: { count: Number(row?.count ?? 0), filters: used.map(([name]) => name).join(",") },
    });
  });
}

/**
 * Every field of the practitioner's clients (or the filtered set) as a CSV streamed page by page.
 * The first page is read before answering, so a bad filter is a 4xx rather than a cut-off file.
 */
export async function exportCsvContacts(
  context: UserContext,
  query: ExportContactsQuery,
  now: Date = new Date(),
): Promise<CsvExport> {
  const encoder = new TextEncoder();
  let next: Awaited<ReturnType<typeof readPage>> | null = await readPage(context.userId, query, null);
  await recordExport(context.userId, query);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BYTE_ORDER_MARK + csvHeaderLine()));
    },
    async pull(controller) {
      if (next === null) return controller.close();
      const { contacts, nextCursor } = next;
      if (contacts.length > 0) controller.enqueue(encoder.encode(csvRecordLines(contacts)));
      next = nextCursor === null ? null : await readPage(context.userId, query, nextCursor);
    },
  });
  return { fileName: exportFileName(now), stream };
}

/** `clients-2026-11-25.csv`: the day of the export. */
export function exportFileName(now: Date): string {
  return `clients-${now.toISOString().slice(0, 10)}.csv`;
}
