import { z } from "@/lib/zod";
import { withUserDb } from "@/server/db";
import { attachPhoto } from "./attach-photo";
import { deletePhotoObject } from "./delete-photo-object";

export const removeClientPhotoInput = z.object({ userId: z.uuid(), contactId: z.uuid() });

/** Clears a client's photo (audited as photo.deleted) and deletes the stored object after the commit. */
export async function removeClientPhoto(input: z.input<typeof removeClientPhotoInput>): Promise<void> {
  const { userId, contactId } = removeClientPhotoInput.parse(input);
  const { previousPath } = await withUserDb(userId, (tx) => attachPhoto(tx, { userId, contactId, path: null }));
  if (previousPath) await deletePhotoObject(previousPath);
}
