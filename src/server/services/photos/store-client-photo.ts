import { z } from "@/lib/zod";
import { photoVersion } from "@/lib/contracts/photos";
import { withUserDb } from "@/server/db";
import { attachPhoto } from "./attach-photo";
import { processPhotoInput } from "./process-photo";
import { deletePhotoObject } from "./delete-photo-object";
import { preparePhoto } from "./prepare-photo";
import { writePhotoObject } from "./write-photo-object";

export const storeClientPhotoInput = z.object({
  userId: z.uuid(),
  contactId: z.uuid(),
  bytes: processPhotoInput,
});

/**
 * Replaces a client's photo: processed, written under a new server-chosen path, pointed at with its
 * audit event in one transaction; the previous object is deleted only after that commits. If the
 * transaction fails (e.g. not the user's client) the new object is deleted and the old one kept.
 */
export async function storeClientPhoto(input: z.input<typeof storeClientPhotoInput>): Promise<{ version: string }> {
  const { userId, contactId, bytes } = storeClientPhotoInput.parse(input);
  const photo = await preparePhoto({ userId, contactId, bytes });
  await writePhotoObject(photo);
  let previousPath: string | null;
  try {
    ({ previousPath } = await withUserDb(userId, (tx) => attachPhoto(tx, { userId, contactId, path: photo.path })));
  } catch (error) {
    await deletePhotoObject(photo.path);
    throw error;
  }
  if (previousPath) await deletePhotoObject(previousPath);
  return { version: photoVersion(photo.path) };
}
