import { stringify } from "csv-stringify/sync";
import type { Contact } from "@/lib/contracts/contacts";
import { CSV_COLUMNS } from "@/lib/csv-columns";
import { CELL_FORMATS, neutraliseFormula } from "./csv-cells";

/** RFC 4180: CRLF between records, quotes doubled, and any value holding a line break quoted. */
const RFC_4180 = { record_delimiter: "windows", quoted_match: /[\r\n]/ } as const;

/** Lets spreadsheet apps recognise UTF-8 (accents); the importer accepts it. */
export const BYTE_ORDER_MARK = "\ufeff";

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

export function csvHeaderLine(): string {
  return stringify([CSV_COLUMNS.map((column) => column.header)], RFC_4180);
}

export function csvRecordLines(contacts: readonly Contact[]): string {
  return stringify(contacts.map(contactRecord), RFC_4180);
}
