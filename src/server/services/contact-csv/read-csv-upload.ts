import busboy from "busboy";
import { CSV_IMPORT_LIMITS, CSV_TOO_LARGE_MESSAGE, CSV_UPLOAD_PARTS } from "@/lib/contracts/contact-csv";
import { AppError } from "@/server/errors";
import { cappedStream } from "@/server/uploads/capped-body";

/** What a route hands over: the request's content type and body stream, nothing else of HTTP. */
export interface CsvUploadSource {
  contentType: string | null;
  body: ReadableStream<Uint8Array> | null;
}

export interface CsvUpload {
  fileName: string;
  bytes: Buffer;
  /** The `options` part parsed as JSON, when sent. */
  options: unknown;
}

/** Room for the options part, boundaries and part headers beside the file itself. */
const ENVELOPE_BYTES = CSV_UPLOAD_PARTS.optionsMaxBytes + 64 * 1024;
const MEGABYTES = CSV_IMPORT_LIMITS.bytes / (1024 * 1024);

const tooLarge = () =>
  new AppError("payload_too_large", CSV_TOO_LARGE_MESSAGE, {
    details: [{ path: "file", message: `Use a file of at most ${MEGABYTES} MB` }],
  });

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

/**
 * Reads a multipart/form-data upload as it streams in: one `file` part of at most 5 MB (counted on
 * the bytes received, whatever the request claims) and an optional `options` JSON part.
 */
export async function readCsvUpload(source: CsvUploadSource): Promise<CsvUpload> {
  const mediaType = source.contentType?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "multipart/form-data") {
    throw new AppError(
      "unsupported_media_type",
      "Upload the CSV or vCard file as multipart/form-data (a file field named “file”)",
    );
  }
  if (!source.body) throw invalid(CSV_UPLOAD_PARTS.file, "Choose a CSV or vCard file to upload");
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": source.contentType ?? "" },
      limits: {
        files: 1,
        fields: 4,
        parts: 6,
        fileSize: CSV_IMPORT_LIMITS.bytes,
        fieldSize: CSV_UPLOAD_PARTS.optionsMaxBytes,
        fieldNameSize: 100,
      },
    });
  } catch {
    throw new AppError("bad_request", "The upload is not valid multipart/form-data (no boundary)");
  }
  const input = cappedStream(source.body, CSV_IMPORT_LIMITS.bytes + ENVELOPE_BYTES, tooLarge);
  return new Promise<CsvUpload>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let fileName: string | undefined;
    let optionsText: string | undefined;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      input.destroy();
      reject(error);
    };
    const malformed = () => fail(new AppError("bad_request", "The upload is not valid multipart/form-data"));
    parser.on("file", (name, stream, info) => {
      // A part cut off by the end of the body errors on its own stream as well as on the parser.
      stream.on("error", malformed);
      if (name !== CSV_UPLOAD_PARTS.file || fileName !== undefined) {
        stream.resume();
        return;
      }
      fileName = info.filename || "upload.csv";
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("limit", () => fail(tooLarge()));
    });
    parser.on("field", (name, value, info) => {
      if (name !== CSV_UPLOAD_PARTS.options) return;
      if (info.valueTruncated) fail(invalid(CSV_UPLOAD_PARTS.options, "The import options are too large"));
      optionsText = value;
    });
    parser.on("error", malformed);
    parser.on("close", () => {
      if (settled) return;
      if (fileName === undefined) return fail(invalid(CSV_UPLOAD_PARTS.file, "Choose a CSV or vCard file to upload"));
      try {
        const options = parseOptions(optionsText);
        settled = true;
        resolve({ fileName, bytes: Buffer.concat(chunks), options });
      } catch (error) {
        fail(error as Error);
      }
    });
    input.on("error", (error) => fail(error));
    input.pipe(parser);
  });
}
