import { byteSizeText } from "@/lib/byte-size";
import { AppError } from "@/server/errors";

/**
 * The most a multipart upload may declare, refused by `defineRoute` before anything is read (each
 * route that takes uploads applies its own, smaller cap on the bytes it receives).
 */
export const MULTIPART_LIMIT_BYTES = 10 * 1024 * 1024;

/**
 * 413 when the declared size of a body exceeds the cap: `limitBytes` for JSON and other bodies,
 * `MULTIPART_LIMIT_BYTES` for uploads (the route accepting one applies its own, smaller cap).
 * `readJsonBody` and the upload readers also count the bytes actually received.
 */
export function bodySizeRefusal(headers: Headers, limitBytes: number): AppError | null {
  const mediaType = headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  const upload = mediaType === "multipart/form-data";
  const limit = upload ? MULTIPART_LIMIT_BYTES : limitBytes;
  const declared = Number(headers.get("content-length") ?? "0");
  if (!Number.isFinite(declared) || declared <= limit) return null;
  return new AppError(
    "payload_too_large",
    `The ${upload ? "upload" : "request"} is larger than ${byteSizeText(limit)}`,
  );
}
