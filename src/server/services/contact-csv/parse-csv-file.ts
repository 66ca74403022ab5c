import { Readable } from "node:stream";
import { setImmediate } from "node:timers/promises";
import { CsvError, parse } from "csv-parse";
import { formatCount } from "@/lib/format/numbers";
import { CSV_IMPORT_LIMITS, type CsvDelimiter } from "@/lib/contracts/contact-csv";
import { AppError } from "@/server/errors";
import { restoreFormula } from "./csv-cells";

export interface CsvRow {
  /** The row as a spreadsheet numbers it: the header is row 1. */
  row: number;
  /** One cell per header, padded with "" when the row is shorter. */
  cells: string[];
}

export interface CsvTable {
  delimiter: CsvDelimiter;
  headers: string[];
  /** Rows with at least one non-blank cell. */
  rows: CsvRow[];
}

const unreadable = (message: string) =>
  new AppError("validation_failed", message, { details: [{ path: "file", message }] });

/** What the CSV parser's refusals mean to the person who made the file. */
const PARSER_ERRORS: Record<string, (line: number) => string> = {
  CSV_QUOTE_NOT_CLOSED: (line) =>
    `A quoted value is never closed: the file ends, at line ${line}, still inside quotes. Look for a value that starts with " but has no closing ".`,
};

/** Comma or semicolon: whichever separates the header line more often, outside quotes (comma on a tie). */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char === ",") commas += 1;
    else if (!quoted && char === ";") semicolons += 1;
  }
  return semicolons > commas ? ";" : ",";
}

/** Bytes handed to the parser at a time, and records read between turns of the event loop. */
const PARSE_CHUNK_BYTES = 64 * 1024;
const RECORDS_PER_TURN = 500;

/** The text in byte slices: the parser keeps a character split across two slices whole. */
function* byteSlices(text: string): Generator<Buffer> {
  const bytes = Buffer.from(text, "utf8");
  for (let start = 0; start < bytes.length; start += PARSE_CHUNK_BYTES) {
    yield bytes.subarray(start, start + PARSE_CHUNK_BYTES);
  }
}

/** Every record, read with csv-parse's streaming parser and yielding to the event loop as it goes. */
async function parseRecords(text: string, delimiter: CsvDelimiter): Promise<string[][]> {
  const parser = Readable.from(byteSlices(text)).pipe(
    parse({
      delimiter,
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      // A stray quote inside an unquoted value (5'10", 12" pizza) is kept as a character.
      relax_quotes: true,
    }),
  );
  const records: string[][] = [];
  try {
    for await (const record of parser) {
      records.push(record as string[]);
      if (records.length % RECORDS_PER_TURN === 0) await setImmediate();
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = Number(error.lines ?? 0);
    const explain = PARSER_ERRORS[error.code];
    throw unreadable(explain ? explain(line) : `The file could not be read as CSV near line ${line}.`);
  }
  return records;
}

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === "");

/**
 * Reads a whole CSV and checks its shape: a header row, at most 100 columns, no row wider than
 * the header (blank trailing cells aside), between 1 and 10,000 rows of clients.
 */
export async function parseCsvFile(text: string): Promise<CsvTable> {
  if (text.trim() === "") throw unreadable("The file is empty.");
  const delimiter = detectDelimiter(text);
  const [headerRecord = [], ...records] = await parseRecords(text, delimiter);
  const headers = headerRecord.map((header) => header.trim());
  if (isBlank(headers)) throw unreadable("The first row must hold the column names.");
  if (headers.length > CSV_IMPORT_LIMITS.columns) {
    throw unreadable(`The file has ${headers.length} columns; at most ${CSV_IMPORT_LIMITS.columns} can be imported.`);
  }
  const rows: CsvRow[] = [];
  records.forEach((record, index) => {
    if (isBlank(record)) return;
    const row = index + 2;
    if (record.length > headers.length && !isBlank(record.slice(headers.length))) {
      throw unreadable(
        `Row ${row} has ${record.length} values but the header has ${headers.length} columns. Check for a separator inside an unquoted value.`,
      );
    }
    const cells = headers.map((_header, column) => restoreFormula(record[column] ?? ""));
    rows.push({ row, cells });
  });
  if (rows.length === 0) throw unreadable("The file has no rows of clients below its header.");
  if (rows.length > CSV_IMPORT_LIMITS.rows) {
    const message = `The file has ${formatCount(rows.length)} rows; import at most ${formatCount(CSV_IMPORT_LIMITS.rows)} at a time.`;
    throw new AppError("payload_too_large", message, { details: [{ path: "file", message }] });
  }
  return { delimiter, headers, rows };
}
