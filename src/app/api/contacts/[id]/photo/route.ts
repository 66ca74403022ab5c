import { z } from "@/lib/zod";
import { downloadResponse } from "@/server/http/download";
import { defineRoute } from "@/server/http/route";
import { PHOTO_UPLOAD_FIELD } from "@/lib/contracts/photos";
import { openClientPhoto, PHOTO_UPLOAD, removeClientPhoto, storeClientPhoto } from "@/server/services/photos";

const params = z.object({ id: z.uuid() });

/**
 * The client's photo as WebP, streamed to its owner only (never cached, never sniffed); each view is
 * audited as photo.viewed. The path comes from the client's row: no endpoint serves a path it is given.
 */
export const GET = defineRoute({
  auth: "required",
  params,
  handler: async ({ user, params: { id }, responseHeaders }) => {
    const photo = await openClientPhoto({ userId: user.id, contactId: id });
    return downloadResponse({ body: photo.body, contentType: "image/webp", size: photo.size }, responseHeaders);
  },
});

/**
 * Replaces the photo. `multipart/form-data` with one file field `photo` (JPEG, PNG, WebP or HEIC where
 * supported, at most 8 MB); the type is read from the bytes. Answers `{ version }` for the image URL.
 */
export const PUT = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params,
  multipart: PHOTO_UPLOAD,
  handler: async ({ user, params: { id }, form }) => {
    const { bytes } = form.files[PHOTO_UPLOAD_FIELD];
    return storeClientPhoto({ userId: user.id, contactId: id, bytes });
  },
});

export const DELETE = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params,
  successStatus: 204,
  handler: async ({ user, params: { id } }) => removeClientPhoto({ userId: user.id, contactId: id }),
});
