import { z } from "@/lib/zod";
import { IMPORTABLE_FIELDS, REPEATABLE_FIELDS } from "@/lib/csv-columns";
import { listContactsQuery } from "./contact-list";

/**
 * Contracts of the clients CSV: `POST /api/contacts/import/preview`, `/import/dry-run` and `/import`
 * (multipart/form-data: a `file` part, and for dry-run and import an `options` part holding JSON),
 * and `GET /api/contacts/export`.
 */

export const CSV_IMPORT_LIMITS = {
  bytes: 5 * 1024 * 1024,
  rows: 10_000,
  columns: 100,
  previewRows: 5,
} as const;

/** The one answer to a file over the size limit, from the import page (before uploading) and the server alike. */
export const CSV_TOO_LARGE_MESSAGE = `The file is larger than ${CSV_IMPORT_LIMITS.bytes / (1024 * 1024)} MB. Split it and import each part.`;

/** The multipart parts a request may carry: the file, and the options JSON (small: a mapping and row choices). */
export const CSV_UPLOAD_PARTS = { file: "file", options: "options", optionsMaxBytes: 512 * 1024 } as const;

export const CSV_DELIMITERS = [",", ";"] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export const DUPLICATE_ACTIONS = ["skip", "merge"] as const;
export type DuplicateAction = (typeof DUPLICATE_ACTIONS)[number];

const singleFields = (fields: readonly (string | null)[]) =>
  fields.filter((field): field is string => field !== null && !REPEATABLE_FIELDS.has(field));

/** For each column of the file, in order, the client field it fills (null: not imported). Only email and phone may fill from several. */
export const csvMappingSchema = z
  .array(z.enum(IMPORTABLE_FIELDS).nullable())
  .min(1)
  .max(CSV_IMPORT_LIMITS.columns)
  .refine((fields) => new Set(singleFields(fields)).size === singleFields(fields).length, {
    message: "Map each field from one column only",
  });

export type CsvMapping = z.output<typeof csvMappingSchema>;

/** The `options` part of dry-run and import. Without a mapping, the suggested one is used. */
export const csvImportOptions = z.strictObject({
  mapping: csvMappingSchema.optional(),
  /** Row number (as in the file, the header being row 1) → what to do when that row duplicates a client. */
  duplicateActions: z
    .record(z.string().regex(/^[1-9]\d{0,5}$/, { message: "Use a row number" }), z.enum(DUPLICATE_ACTIONS))
    .refine((actions) => Object.keys(actions).length <= CSV_IMPORT_LIMITS.rows, {
      message: `Choose for at most ${CSV_IMPORT_LIMITS.rows} rows`,
    })
    .default({}),
  /** For duplicate rows without a choice of their own. */
  defaultDuplicateAction: z.enum(DUPLICATE_ACTIONS).default("skip"),
});

export type CsvImportOptions = z.output<typeof csvImportOptions>;
export type CsvImportOptionsInput = z.input<typeof csvImportOptions>;

/** What the upload held, told by its content (never its name): a CSV table, or vCards read into one. */
export const CONTACT_FILE_FORMATS = ["csv", "vcard"] as const;
export type ContactFileFormat = (typeof CONTACT_FILE_FORMATS)[number];

export const csvPreviewResponse = z.object({
  fileName: z.string(),
  format: z.enum(CONTACT_FILE_FORMATS),
  delimiter: z.enum(CSV_DELIMITERS),
  headers: z.array(z.string()),
  /** The first rows, each with its row number in the file. */
  sampleRows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  /** Rows of clients (blank lines not counted). */
  rowCount: z.number().int(),
  suggestedMapping: z.array(z.string().nullable()),
});

export type CsvPreviewResponse = z.infer<typeof csvPreviewResponse>;

/** A value that cannot be imported: its row, the field and the file's column it came from. */
export const csvRowErrorSchema = z.object({
  row: z.number().int(),
  field: z.string(),
  column: z.string().nullable(),
  message: z.string(),
});

export type CsvRowError = z.infer<typeof csvRowErrorSchema>;

const matchedOn = z.enum(["email", "phone"]);

/** The client a row duplicates: one already on file, or an earlier row of the same file. */
export const csvDuplicateTarget = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("existing"),
    contactId: z.uuid(),
    displayName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  z.object({ kind: z.literal("row"), row: z.number().int() }),
]);

export const csvDuplicateSchema = z.object({
  row: z.number().int(),
  displayName: z.string(),
  matchedOn,
  target: csvDuplicateTarget,
  action: z.enum(DUPLICATE_ACTIONS),
});

export type CsvDuplicate = z.infer<typeof csvDuplicateSchema>;

export const csvDryRunResponse = z.object({
  rowCount: z.number().int(),
  errors: z.array(csvRowErrorSchema),
  duplicates: z.array(csvDuplicateSchema),
  /** What the import would do now, with the actions given. */
  summary: z.object({
    create: z.number().int(),
    merge: z.number().int(),
    skipDuplicate: z.number().int(),
    skipInvalid: z.number().int(),
  }),
});

export type CsvDryRunResponse = z.infer<typeof csvDryRunResponse>;

export const csvImportResult = z.object({
  created: z.array(z.object({ row: z.number().int(), contactId: z.uuid(), displayName: z.string() })),
  merged: z.array(
    z.object({
      row: z.number().int(),
      contactId: z.uuid(),
      displayName: z.string(),
      matchedOn,
      /** The row it was merged into when that client came from the same file. */
      intoRow: z.number().int().nullable(),
      /** Fields that were empty on the client and filled from this row. */
      filledFields: z.array(z.string()),
      tagsAdded: z.array(z.string()),
    }),
  ),
  skipped: z.array(z.object({ row: z.number().int(), reason: z.string() })),
});

export type CsvImportResult = z.infer<typeof csvImportResult>;

/**
 * `POST /api/contacts/import` answers `application/x-ndjson`: progress lines while the transaction
 * runs, then one `result` line (committed) or one `error` line (rolled back, nothing written).
 */
export const csvImportEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("progress"), done: z.number().int(), total: z.number().int() }),
  z.object({ type: z.literal("result"), result: csvImportResult }),
  z.object({
    type: z.literal("error"),
    error: z.object({ code: z.string(), message: z.string(), requestId: z.string() }),
  }),
]);

export type CsvImportEvent = z.infer<typeof csvImportEvent>;

/** `GET /api/contacts/export`: the list's filters, search and sort (no paging: every matching client). */
export const exportContactsQuery = listContactsQuery.omit({ cursor: true, limit: true });

export type ExportContactsQuery = z.output<typeof exportContactsQuery>;
