import { stringify } from "csv-stringify/sync";
import { sql } from "drizzle-orm";
import type { ExportContactsQuery } from "@/lib/contracts/contact-csv";
import type { Contact } from "@/lib/contracts/contacts";
import { CSV_COLUMNS } from "@/lib/csv-columns";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import {
  CONTACT_COLUMNS,
  listContacts,
  toContact,
  type ContactRow,
  type UserContext,
} from "@/server/services/contacts";
import { uuidArray } from "@/server/services/contacts/id-list";
import { CELL_FORMATS, neutraliseFormula } from "./csv-cells";

/** Clients read per page: one list query and one full-row query each, so memory stays flat at any size. */
const PAGE_SIZE = 500;

/** RFC 4180: CRLF between records, quotes doubled, and any value holding a line break quoted. */
const RFC_4180 = { record_delimiter: "windows", quoted_match: /[\r\n]/ } as const;
/** Lets spreadsheet apps recognise UTF-8 (accents); the importer accepts it. */
const BYTE_ORDER_MARK = "\ufeff";

export interface CsvExport {
  fileName: string;
  stream: ReadableStream<Uint8Array>;
}

function valueAt(contact: Contact, field: string): unknown {
  if (field === "tags") return contact.tags.map((tag) => tag.name);
  const [head = "", key] = field.split(".");
  const value = (contact as unknown as Record<string, unknown>)[head];
  if (key === undefined) return value;
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** One CSV record per client, every column of the table, formulas neutralised. */
export function contactRecord(contact: Contact): string[] {
  return CSV_COLUMNS.map((column) =>
    neutraliseFormula(CELL_FORMATS[column.kind].write(valueAt(contact, column.field))),
  );
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
  const header = stringify([CSV_COLUMNS.map((column) => column.header)], RFC_4180);
  let next: Awaited<ReturnType<typeof readPage>> | null = await readPage(context.userId, query, null);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BYTE_ORDER_MARK + header));
    },
    async pull(controller) {
      if (next === null) return controller.close();
      const { contacts, nextCursor } = next;
      if (contacts.length > 0) controller.enqueue(encoder.encode(stringify(contacts.map(contactRecord), RFC_4180)));
      next = nextCursor === null ? null : await readPage(context.userId, query, nextCursor);
    },
  });
  return { fileName: `clients-${now.toISOString().slice(0, 10)}.csv`, stream };
}
