import { CSV_IMPORT_LIMITS, type CsvPreviewResponse } from "@/lib/contracts/contact-csv";
import { suggestMapping } from "@/lib/csv-columns";
import type { UserContext } from "@/server/services/contacts";
import { decodeCsvText } from "./decode-csv-text";
import { parseCsvFile } from "./parse-csv-file";
import type { CsvUpload } from "./csv-upload";

/**
 * The first step of an import: the whole file is read and checked (a malformed file is refused
 * here, before any mapping), then its headers, first rows and a suggested field per column.
 */
export async function previewCsvImport(_context: UserContext, upload: CsvUpload): Promise<CsvPreviewResponse> {
  const table = await parseCsvFile(decodeCsvText(upload.bytes));
  return {
    fileName: upload.fileName,
    delimiter: table.delimiter,
    headers: table.headers,
    sampleRows: table.rows.slice(0, CSV_IMPORT_LIMITS.previewRows),
    rowCount: table.rows.length,
    suggestedMapping: suggestMapping(table.headers),
  };
}
