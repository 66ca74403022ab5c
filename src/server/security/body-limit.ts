import { AppError } from "@/server/http/app-error";

/**
 * 413 when the declared size of a non-multipart body exceeds the cap. Uploads (multipart) are
 * capped by the route that accepts them; `readJsonBody` also counts the bytes actually received.
 */
export function bodySizeRefusal(headers: Headers, limitBytes: number): AppError | null {
  const mediaType = headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (mediaType === "multipart/form-data") return null;
  const declared = Number(headers.get("content-length") ?? "0");
  if (!Number.isFinite(declared) || declared <= limitBytes) return null;
  return new AppError("payload_too_large", `The request body is larger than ${limitBytes} bytes`);
}
