import { z } from "@/lib/zod";
import { defineRoute } from "@/server/http/route";
import { openClientPhoto, readPhotoUpload, removeClientPhoto, storeClientPhoto } from "@/server/services/photos";

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
    const headers = new Headers(responseHeaders);
    headers.set("content-type", "image/webp");
    headers.set("content-length", String(photo.size));
    headers.set("cache-control", "private, no-store");
    headers.set("x-content-type-options", "nosniff");
    headers.set("content-disposition", "inline");
    return new Response(photo.body, { status: 200, headers });
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
  handler: async ({ user, params: { id }, request }) => {
    const bytes = await readPhotoUpload({ headers: request.headers, body: request.body });
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
