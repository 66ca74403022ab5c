import type { z } from "zod";
import { ApiError, apiRequest, apiResponse, networkError } from "@/lib/api-client";
import {
  CSV_UPLOAD_PARTS,
  csvImportEvent,
  type CsvImportOptionsInput,
  type CsvImportResult,
} from "@/lib/contracts/contact-csv";

function uploadForm(file: File, options?: CsvImportOptionsInput): FormData {
  const form = new FormData();
  form.append(CSV_UPLOAD_PARTS.file, file, file.name);
  if (options) form.append(CSV_UPLOAD_PARTS.options, JSON.stringify(options));
  return form;
}

/** Uploads the file (and options) to a JSON step of the import: preview or dry-run. */
export async function uploadCsv<S extends z.ZodType>(
  path: string,
  schema: S,
  file: File,
  options?: CsvImportOptionsInput,
): Promise<z.output<S>> {
  return (await apiRequest(path, { method: "POST", body: uploadForm(file, options), schema })) as z.output<S>;
}

/** Runs the import, calling `onProgress` for each progress line; resolves with the committed result. */
export async function runCsvImport(
  file: File,
  options: CsvImportOptionsInput,
  onProgress: (done: number, total: number) => void,
): Promise<CsvImportResult> {
  const response = await apiResponse("/api/contacts/import", { method: "POST", body: uploadForm(file, options) });
  if (!response.body) throw networkError();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw networkError();
    });
    if (done) break;
    buffered += value;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines.filter(Boolean)) {
      const event = csvImportEvent.parse(JSON.parse(line));
      if (event.type === "progress") onProgress(event.done, event.total);
      else if (event.type === "result") return event.result;
      else
        throw new ApiError({
          status: 500,
          code: "internal",
          message: event.error.message,
          requestId: event.error.requestId,
        });
    }
  }
  throw networkError("The import was interrupted. Nothing was imported; try again.");
}
