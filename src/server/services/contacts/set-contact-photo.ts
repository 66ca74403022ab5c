import { z } from "@/lib/zod";
import { withUserDb } from "@/server/db";
import { attachPhoto, deletePhotoObject } from "@/server/services/photos";
import type { UserContext } from "./context";

/** A path `preparePhoto` chose for this client (object already written), or null to remove the photo. */
export const setContactPhotoInput = z.object({
  id: z.uuid(),
  photoPath: z.string().min(1).max(500).nullable(),
});

/**
 * Not part of the public edit contract: points a client at a stored photo in its own transaction,
 * audited, through the photo service (which refuses paths it did not choose for this client), then
 * deletes the replaced object.
 */
export async function setContactPhoto(
  context: UserContext,
  input: z.output<typeof setContactPhotoInput>,
): Promise<void> {
  const { previousPath } = await withUserDb(context.userId, (tx) =>
    attachPhoto(tx, { userId: context.userId, contactId: input.id, path: input.photoPath }),
  );
  if (previousPath) await deletePhotoObject(previousPath);
}
