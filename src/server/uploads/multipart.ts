import busboy from "busboy";
import { AppError } from "@/server/errors";
import { cappedStream } from "./capped-body";

/** One part a route accepts, by field name. */
export interface MultipartPart {
  /** Largest size of this part's content, counted on the bytes received. */
  maxBytes: number;
  /** When set, the upload is refused with this message (422, on the part's path) if the part is absent. */
  required?: string;
  /** The 413 message when this part is over `maxBytes`. */
  tooLarge: string;
}

/**
 * What a route accepts as `multipart/form-data` (declared as `defineRoute({ multipart })`): file parts
 * and text parts by name, each capped. Other parts are skipped unread; only the first of each name counts.
 */
export interface MultipartSpec<F extends string = string, T extends string = string> {
  files: Record<F, MultipartPart>;
  fields?: Record<T, MultipartPart>;
  /** The 415 message when the body is not multipart/form-data (say which fields to send). */
  unsupported: string;
}

export interface UploadedFile {
  /** The name the browser sent (not trusted for anything but display). */
  fileName: string;
  bytes: Buffer;
}

export interface MultipartForm<F extends string = string, T extends string = string> {
  files: Partial<Record<F, UploadedFile>>;
  fields: Partial<Record<T, string>>;
}

type PartValue<P, V> = P extends { required: string } ? V : V | undefined;

/** The form a route's handler gets for its spec: required parts are there, the others may not be. */
export type FormOf<S> = S extends MultipartSpec
  ? {
      files: { [K in keyof S["files"]]: PartValue<S["files"][K], UploadedFile> };
      fields: { [K in keyof NonNullable<S["fields"]>]: PartValue<NonNullable<S["fields"]>[K], string> };
    }
  : undefined;

export interface MultipartSource {
  contentType: string | null;
  contentLength: string | null;
  body: ReadableStream<Uint8Array> | null;
}

/** Room for boundaries and part headers beside the parts themselves. */
const ENVELOPE_BYTES = 64 * 1024;

const partError = (code: "payload_too_large" | "validation_failed", path: string, message: string) =>
  new AppError(code, message, { details: [{ path, message }] });

/**
 * Reads a multipart/form-data body as it streams in, refusing it as soon as a part or the whole
 * body passes its cap (a declared length over the total is refused before reading; the bytes
 * actually received are counted whatever the request claims).
 */
export async function readMultipart<F extends string, T extends string>(
  source: MultipartSource,
  spec: MultipartSpec<F, T>,
): Promise<MultipartForm<F, T>> {
  const contentType = source.contentType ?? "";
  if (contentType.split(";")[0]?.trim().toLowerCase() !== "multipart/form-data") {
    throw new AppError("unsupported_media_type", spec.unsupported);
  }
  const files = Object.entries(spec.files) as [F, MultipartPart][];
  const fields = Object.entries(spec.fields ?? {}) as [T, MultipartPart][];
  const parts = [...files, ...fields];
  const maxBody = parts.reduce((sum, [, part]) => sum + part.maxBytes, ENVELOPE_BYTES);
  const bodyTooLarge = () => {
    const [name, part] = parts.length === 1 ? parts[0]! : [undefined, undefined];
    return name && part
      ? partError("payload_too_large", name, part.tooLarge)
      : new AppError("payload_too_large", `The upload is larger than ${Math.floor(maxBody / (1024 * 1024))} MB`);
  };
  if (Number(source.contentLength ?? "0") > maxBody) throw bodyTooLarge();
  if (!source.body) throw missingPart(parts) ?? new AppError("bad_request", "The upload is empty");

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      limits: {
        files: files.length,
        fields: fields.length,
        parts: parts.length + 4,
        fileSize: Math.max(0, ...files.map(([, part]) => part.maxBytes)),
        fieldSize: Math.max(0, ...fields.map(([, part]) => part.maxBytes)),
        fieldNameSize: 100,
      },
    });
  } catch {
    throw new AppError("bad_request", "The upload is not valid multipart/form-data (no boundary)");
  }
  const input = cappedStream(source.body, maxBody, bodyTooLarge);
  const fileSpecs = new Map<string, MultipartPart>(files);
  const fieldSpecs = new Map<string, MultipartPart>(fields);

  return new Promise<MultipartForm<F, T>>((resolve, reject) => {
    const form: MultipartForm<F, T> = { files: {}, fields: {} };
    const received = new Map<F, { fileName: string; chunks: Buffer[]; size: number }>();
    const seen = new Set<string>();
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
      const part = fileSpecs.get(name);
      if (!part || seen.has(name)) {
        stream.resume();
        return;
      }
      seen.add(name);
      const file = { fileName: info.filename || name, chunks: [] as Buffer[], size: 0 };
      received.set(name as F, file);
      // busboy's fileSize is one cap for every file part; each part's own cap is counted here.
      stream.on("data", (chunk: Buffer) => {
        file.size += chunk.byteLength;
        if (file.size > part.maxBytes) fail(partError("payload_too_large", name, part.tooLarge));
        else file.chunks.push(chunk);
      });
      stream.on("limit", () => fail(partError("payload_too_large", name, part.tooLarge)));
    });
    parser.on("field", (name, value, info) => {
      const part = fieldSpecs.get(name);
      if (!part || seen.has(name)) return;
      seen.add(name);
      if (info.valueTruncated || Buffer.byteLength(value) > part.maxBytes) {
        fail(partError("payload_too_large", name, part.tooLarge));
        return;
      }
      form.fields[name as T] = value;
    });
    parser.on("error", malformed);
    parser.on("close", () => {
      if (settled) return;
      for (const [name, file] of received)
        form.files[name] = { fileName: file.fileName, bytes: Buffer.concat(file.chunks) };
      const missing = missingPart(parts.filter(([name]) => !seen.has(name)));
      if (missing) return fail(missing);
      settled = true;
      resolve(form);
    });
    input.on("error", fail);
    input.pipe(parser);
  });
}

function missingPart(absent: [string, MultipartPart][]): AppError | undefined {
  const required = absent.find(([, part]) => part.required);
  return required ? partError("validation_failed", required[0], required[1].required ?? "") : undefined;
}
