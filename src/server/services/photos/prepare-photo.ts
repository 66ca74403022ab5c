import { z } from "@/lib/zod";
import { processPhoto, processPhotoInput } from "./process-photo";
import { newPhotoPath } from "./photo-path";

export const preparePhotoInput = z.object({
  userId: z.uuid(),
  contactId: z.uuid(),
  bytes: processPhotoInput,
});

/** A processed photo and the path it will be stored at; nothing is written yet. */
export interface PreparedPhoto {
  path: string;
  body: Uint8Array;
  contentType: "image/webp";
}

/**
 * Checks and re-encodes an uploaded photo (see `processPhoto`) and chooses where it will live. Pure
 * CPU work: call it before opening a transaction, then `writePhotoObject`, then `attachPhoto` inside it.
 */
export async function preparePhoto(input: z.input<typeof preparePhotoInput>): Promise<PreparedPhoto> {
  const { userId, contactId, bytes } = preparePhotoInput.parse(input);
  const photo = await processPhoto(bytes);
  return { path: newPhotoPath(userId, contactId), body: photo.body, contentType: photo.contentType };
}
