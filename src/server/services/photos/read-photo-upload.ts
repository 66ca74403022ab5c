import busboy from "busboy";
import { PHOTO_LIMITS, PHOTO_UPLOAD_FIELD } from "@/lib/contracts/photos";
import { AppError } from "@/server/errors";
import { cappedStream } from "@/server/uploads/capped-body";

/** What a route hands over: the request's headers and body stream, nothing else of HTTP. */
export interface PhotoUploadSource {
  headers: Headers;
  body: ReadableStream<Uint8Array> | null;
}

/** Room for boundaries and part headers beside the file itself. */
const ENVELOPE_BYTES = 16 * 1024;
const MAX_BODY_BYTES = PHOTO_LIMITS.maxBytes + ENVELOPE_BYTES;
const MEGABYTES = PHOTO_LIMITS.maxBytes / (1024 * 1024);

const tooLarge = () => {
  const message = `Use a photo of at most ${MEGABYTES} MB`;
  return new AppError("payload_too_large", `The photo is larger than ${MEGABYTES} MB`, {
    details: [{ path: PHOTO_UPLOAD_FIELD, message }],
  });
};

const missing = () => {
  const message = "Choose a photo to upload";
  return new AppError("validation_failed", message, { details: [{ path: PHOTO_UPLOAD_FIELD, message }] });
};

function parser(contentType: string): busboy.Busboy {
  try {
    return busboy({
      headers: { "content-type": contentType },
      limits: { files: 1, fields: 0, parts: 2, fileSize: PHOTO_LIMITS.maxBytes, fieldNameSize: 100 },
    });
  } catch {
    throw new AppError("bad_request", "The upload is not valid multipart/form-data (no boundary)");
  }
}

/**
 * Reads a `multipart/form-data` upload with one file part named `photo`, as it streams in: a declared
 * length over the cap is refused before reading, and the bytes actually received are counted too.
 */
export async function readPhotoUpload(source: PhotoUploadSource): Promise<Uint8Array> {
  const contentType = source.headers.get("content-type") ?? "";
  if (contentType.split(";")[0]?.trim().toLowerCase() !== "multipart/form-data") {
    throw new AppError(
      "unsupported_media_type",
      `Upload the photo as multipart/form-data (a file field named “photo”)`,
    );
  }
  if (Number(source.headers.get("content-length") ?? "0") > MAX_BODY_BYTES) throw tooLarge();
  if (!source.body) throw missing();
  const form = parser(contentType);
  const input = cappedStream(source.body, MAX_BODY_BYTES, tooLarge);
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let found = false;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      input.destroy();
      reject(error);
    };
    const malformed = () => fail(new AppError("bad_request", "The upload is not valid multipart/form-data"));
    form.on("file", (name, stream) => {
      stream.on("error", malformed);
      if (name !== PHOTO_UPLOAD_FIELD || found) {
        stream.resume();
        return;
      }
      found = true;
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("limit", () => fail(tooLarge()));
    });
    form.on("error", malformed);
    form.on("close", () => {
      if (settled) return;
      if (!found) return fail(missing());
      settled = true;
      resolve(Buffer.concat(chunks));
    });
    input.on("error", fail);
    input.pipe(form);
  });
}
