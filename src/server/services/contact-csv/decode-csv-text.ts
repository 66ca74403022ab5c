import { AppError } from "@/server/errors";

const SAVE_AS_CSV = "Save it as “CSV UTF-8 (comma delimited)” and upload that file.";

/** Files people upload instead of a CSV, told apart by their first bytes. */
const SIGNATURES: { bytes: number[]; message: string }[] = [
  { bytes: [0xff, 0xfe], message: `This file is UTF-16 text, not UTF-8. ${SAVE_AS_CSV}` },
  { bytes: [0xfe, 0xff], message: `This file is UTF-16 text, not UTF-8. ${SAVE_AS_CSV}` },
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    message: `This is a spreadsheet workbook (for example .xlsx), not a CSV. ${SAVE_AS_CSV}`,
  },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], message: `This is an Excel 97–2003 workbook (.xls), not a CSV. ${SAVE_AS_CSV}` },
  {
    bytes: [0x25, 0x50, 0x44, 0x46],
    message: "This is a PDF, not a CSV. Export your clients from the original app as CSV.",
  },
];

const unsupported = (message: string) =>
  new AppError("unsupported_media_type", message, { details: [{ path: "file", message }] });

/** The text of an uploaded CSV: UTF-8 with or without a byte order mark; anything else is refused with what to do. */
export function decodeCsvText(bytes: Uint8Array): string {
  const known = SIGNATURES.find(({ bytes: signature }) => signature.every((byte, index) => bytes[index] === byte));
  if (known) throw unsupported(known.message);
  if (bytes.includes(0)) throw unsupported(`This file holds binary data, not text. ${SAVE_AS_CSV}`);
  try {
    // `fatal` refuses invalid UTF-8 (e.g. Windows-1252 accents); the BOM, if any, is dropped.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw unsupported(`This file is not UTF-8 text (accented letters would be garbled). ${SAVE_AS_CSV}`);
  }
}
