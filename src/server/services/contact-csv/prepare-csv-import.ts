import { setImmediate } from "node:timers/promises";
import {
  csvImportOptions,
  type CsvImportOptions,
  type CsvMapping,
  type CsvRowError,
} from "@/lib/contracts/contact-csv";
import { suggestMapping } from "@/lib/csv-columns";
import type { DbTransaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { duplicatesIn } from "@/server/services/contacts";
import { mapCsvRows, type ImportCandidate } from "./map-csv-rows";
import type { CsvTable } from "./parse-csv-file";
import type { ExistingMatch } from "./plan-csv-import";
import type { CsvUpload } from "./csv-upload";
import { readContactFile } from "./read-contact-file";

export interface PreparedImport {
  fileName: string;
  table: CsvTable;
  mapping: CsvMapping;
  options: CsvImportOptions;
  candidates: ImportCandidate[];
  errors: CsvRowError[];
}

const NAME_FIELDS = ["displayName", "firstName", "lastName"];

const invalidOptions = (path: string, message: string) =>
  new AppError("validation_failed", message, { details: [{ path, message }] });

/** The uploaded file read, checked and mapped: what dry-run reports on and import writes. Nothing touches the database. */
export async function prepareCsvImport(upload: CsvUpload): Promise<PreparedImport> {
  await setImmediate();
  const { table } = await readContactFile(upload.bytes);
  const parsed = csvImportOptions.safeParse(upload.options ?? {});
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const path = ["options", ...(issue?.path ?? [])].join(".");
    throw invalidOptions(path, issue?.message ?? "The import options are invalid");
  }
  const options = parsed.data;
  const mapping = options.mapping ?? suggestMapping(table.headers);
  if (mapping.length !== table.headers.length) {
    throw invalidOptions(
      "options.mapping",
      `The mapping has ${mapping.length} entries but the file has ${table.headers.length} columns`,
    );
  }
  if (!mapping.some((field) => field !== null && NAME_FIELDS.includes(field))) {
    throw invalidOptions("options.mapping", "Map a column to Display name, or to First name or Last name");
  }
  return { fileName: upload.fileName, table, mapping, options, ...(await mapCsvRows(table, mapping)) };
}

/** What a duplicate check needs of each candidate. */
export function contactKeys(candidates: readonly ImportCandidate[]) {
  return candidates.map(({ contact }) => ({ email: contact.email ?? null, phone: contact.phone ?? null }));
}

/** Candidates looked up per query: a full file is checked in slices, with a turn of the event loop between. */
const LOOKUPS_PER_QUERY = 1_000;

/** Which candidates (by position) duplicate a client already on file, as `duplicatesIn` reports them. */
export async function existingDuplicates(
  tx: DbTransaction,
  userId: string,
  candidates: readonly ImportCandidate[],
): Promise<ExistingMatch[]> {
  const keys = contactKeys(candidates);
  const matches: ExistingMatch[] = [];
  for (let start = 0; start < keys.length; start += LOOKUPS_PER_QUERY) {
    const found = await duplicatesIn(tx, userId, keys.slice(start, start + LOOKUPS_PER_QUERY));
    matches.push(...found.map((match) => ({ ...match, index: match.index + start })));
    await setImmediate();
  }
  return matches;
}

/** An invalid row, as one line of the result: each field and what is wrong with it. */
export function invalidRowReasons(errors: readonly CsvRowError[]): { row: number; reason: string }[] {
  const byRow = new Map<number, string[]>();
  for (const error of errors) {
    const messages = byRow.get(error.row) ?? [];
    messages.push(`${error.column ?? error.field}: ${error.message}`);
    byRow.set(error.row, messages);
  }
  return [...byRow].map(([row, messages]) => ({ row, reason: messages.join("; ") }));
}
