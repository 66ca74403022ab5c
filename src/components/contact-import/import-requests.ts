import type { z } from "zod";
import { ApiError, parseRetryAfter } from "@/lib/api-client";
import {
  CSV_UPLOAD_PARTS,
  csvImportEvent,
  type CsvImportOptionsInput,
  type CsvImportResult,
} from "@/lib/contracts/contact-csv";
import { errorBodySchema } from "@/lib/contracts/errors";

const NETWORK_MESSAGE = "We couldn't reach OmniCRM. Check your connection and try again.";
const GENERIC_MESSAGE = "Something went wrong. Try again, and contact support if it keeps happening.";

function uploadForm(file: File, options?: CsvImportOptionsInput): FormData {
  const form = new FormData();
  form.append(CSV_UPLOAD_PARTS.file, file, file.name);
  if (options) form.append(CSV_UPLOAD_PARTS.options, JSON.stringify(options));
  return form;
}

async function send(path: string, form: FormData): Promise<Response> {
  try {
    return await fetch(path, { method: "POST", body: form, credentials: "same-origin", cache: "no-store" });
  } catch {
    throw new ApiError({ status: 0, code: "network", message: NETWORK_MESSAGE });
  }
}

/** The API's JSON error answer as an `ApiError` (the message is already written for the practitioner). */
async function failure(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => "");
  let payload: unknown;
  try {
    payload = JSON.parse(text) as unknown;
  } catch {
    payload = undefined;
  }
  const parsed = errorBodySchema.safeParse(payload);
  const retryAfterSeconds = parseRetryAfter(response.headers.get("retry-after"));
  return new ApiError({
    status: response.status,
    code: parsed.success ? parsed.data.error.code : "internal",
    message: parsed.success ? parsed.data.error.message : GENERIC_MESSAGE,
    requestId: parsed.success ? parsed.data.error.requestId : undefined,
    retryAfterSeconds,
  });
}

/** Uploads the file (and options) to a JSON step of the import: preview or dry-run. */
export async function uploadCsv<S extends z.ZodType>(
  path: string,
  schema: S,
  file: File,
  options?: CsvImportOptionsInput,
): Promise<z.output<S>> {
  const response = await send(path, uploadForm(file, options));
  if (!response.ok) throw await failure(response);
  return schema.parse(await response.json());
}

/** Runs the import, calling `onProgress` for each progress line; resolves with the committed result. */
export async function runCsvImport(
  file: File,
  options: CsvImportOptionsInput,
  onProgress: (done: number, total: number) => void,
): Promise<CsvImportResult> {
  const response = await send("/api/contacts/import", uploadForm(file, options));
  if (!response.ok || !response.body) throw await failure(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw new ApiError({ status: 0, code: "network", message: NETWORK_MESSAGE });
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
  throw new ApiError({
    status: 0,
    code: "network",
    message: "The import was interrupted. Nothing was imported; try again.",
  });
}
