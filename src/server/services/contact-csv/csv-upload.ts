import { CSV_IMPORT_LIMITS, CSV_TOO_LARGE_MESSAGE, CSV_UPLOAD_PARTS } from "@/lib/contracts/contact-csv";
import { AppError } from "@/server/errors";
import type { FormOf, MultipartSpec } from "@/server/uploads/multipart";

/** The import routes' upload: one `file` part of at most 5 MB and an optional `options` JSON part. */
export const CSV_UPLOAD = {
  files: {
    [CSV_UPLOAD_PARTS.file]: {
      maxBytes: CSV_IMPORT_LIMITS.bytes,
      required: "Choose a CSV or vCard file to upload",
      tooLarge: CSV_TOO_LARGE_MESSAGE,
    },
  },
  fields: {
    [CSV_UPLOAD_PARTS.options]: {
      maxBytes: CSV_UPLOAD_PARTS.optionsMaxBytes,
      tooLarge: "The import options are too large",
    },
  },
  unsupported: "Upload the CSV or vCard file as multipart/form-data (a file field named “file”)",
} as const satisfies MultipartSpec;

export type CsvUploadForm = FormOf<typeof CSV_UPLOAD>;

/** What the import services read: the file and the options as sent (validated by the service). */
export interface CsvUpload {
  fileName: string;
  bytes: Buffer;
  /** The `options` part parsed as JSON, when sent. */
  options: unknown;
}

/** The upload as the services take it; the options part must be JSON when present. */
export function csvUploadOf(form: CsvUploadForm): CsvUpload {
  const file = form.files[CSV_UPLOAD_PARTS.file];
  return { fileName: file.fileName, bytes: file.bytes, options: parseOptions(form.fields[CSV_UPLOAD_PARTS.options]) };
}

const invalid = (path: string, message: string) =>
  new AppError("validation_failed", message, { details: [{ path, message }] });

function parseOptions(text: string | undefined): unknown {
  if (text === undefined || text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalid(CSV_UPLOAD_PARTS.options, "The import options are not valid JSON");
  }
}
