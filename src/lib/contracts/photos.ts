import { z } from "@/lib/zod";

/**
 * Client photo limits shared by the upload control and the API. The upload cap leaves room for the
 * multipart envelope under the 10 MiB the proxy lets a multipart body carry (Next's own clone limit).
 */
export const PHOTO_LIMITS = {
  /** Largest accepted upload, counted on the bytes received. */
  maxBytes: 8 * 1024 * 1024,
  /** Largest decoded image (width × height): a decompression bomb is refused before it is decoded. */
  maxPixels: 50_000_000,
  /** The stored copy's longest side. */
  maxSide: 1024,
} as const;

/** The multipart field that carries the file in `PUT /api/contacts/:id/photo`. */
export const PHOTO_UPLOAD_FIELD = "photo";

/** What the file picker offers; the server decides the real type from the bytes. */
export const PHOTO_ACCEPT = "image/jpeg,image/png,image/webp,image/heic,image/heif";

export const PHOTO_FORMATS_LABEL = "JPEG, PNG, WebP or HEIC";

/** A value that changes whenever the stored photo does, for the `?v=` of the photo URL. */
export function photoVersion(photoPath: string): string {
  return photoPath.slice(photoPath.lastIndexOf("/") + 1).replace(/\.webp$/, "");
}

/** `PUT /api/contacts/:id/photo` answers with the new photo's version. */
export const photoUploadResponseSchema = z.object({ version: z.string() });
