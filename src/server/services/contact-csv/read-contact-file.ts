import type { ContactFileFormat } from "@/lib/contracts/contact-csv";
import { AppError } from "@/server/errors";
import { decodeCsvText } from "./decode-csv-text";
import { parseCsvFile, type CsvTable } from "./parse-csv-file";
import { vcardTable } from "./vcard/vcard-table";

export interface ContactFile {
  format: ContactFileFormat;
  table: CsvTable;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const BEGIN_VCARD = "BEGIN:VCARD";

/** A vCard file starts (after a byte order mark and blank lines) with BEGIN:VCARD, whatever its name says. */
export function isVCard(bytes: Uint8Array): boolean {
  let start = UTF8_BOM.every((byte, index) => bytes[index] === byte) ? UTF8_BOM.length : 0;
  while (start < bytes.length && [0x20, 0x09, 0x0d, 0x0a].includes(bytes[start] ?? 0)) start += 1;
  const head = Buffer.from(bytes.subarray(start, start + BEGIN_VCARD.length)).toString("latin1");
  return head.toUpperCase() === BEGIN_VCARD;
}

/** UTF-8 as exported today, else Windows-1252, which older vCard 2.1 exports (Outlook, phones) are written in. */
function decodeVCardText(bytes: Uint8Array): string {
  if (bytes.includes(0)) {
    const message = "This file holds binary data, not contact cards. Export the contacts again as vCard (.vcf).";
    throw new AppError("unsupported_media_type", message, { details: [{ path: "file", message }] });
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** The uploaded file as a table of clients: told apart by its content (never its name or type), then read whole. */
export async function readContactFile(bytes: Uint8Array): Promise<ContactFile> {
  if (isVCard(bytes)) return { format: "vcard", table: await vcardTable(decodeVCardText(bytes)) };
  return { format: "csv", table: await parseCsvFile(decodeCsvText(bytes)) };
}
