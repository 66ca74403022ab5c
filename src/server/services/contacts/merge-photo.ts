import { isAppError } from "@/server/errors";
import { log } from "@/server/observability/logger";
import { copyPhotoObject } from "@/server/services/photos/copy-photo-object";
import type { DeleteStoredObjectsInput } from "@/server/services/account/delete-stored-objects";
import { clientFiles } from "./delete-contact";

interface MergeSide {
  id: string;
  photoPath: string | null;
}

export interface MergedPhoto {
  /** What the kept client's `photo_path` becomes. */
  photoPath: string | null;
  /** A file written for this merge: deleted if the merge does not commit. */
  written: string | null;
  /** Files nothing points at once the merge commits: deleted after it, as erasure does. */
  leftOver: DeleteStoredObjectsInput;
}

/**
 * The kept client's photo after a merge. A photo is served only from its own client's folder, so the
 * duplicate's photo, when chosen, is copied into the kept client's folder; the duplicate's whole
 * folder and a replaced photo of the kept client are left over for deletion after commit.
 */
export async function mergePhoto(
  userId: string,
  primary: MergeSide,
  duplicate: MergeSide,
  fromDuplicate: boolean,
): Promise<MergedPhoto> {
  let photoPath = fromDuplicate ? duplicate.photoPath : primary.photoPath;
  let written: string | null = null;
  if (fromDuplicate && duplicate.photoPath) {
    try {
      written = await copyPhotoObject(duplicate.photoPath, userId, primary.id);
    } catch (error) {
      if (!isAppError(error) || error.code !== "not_found") throw error;
      log().warn({ contactId: duplicate.id }, "the duplicate's photo file is missing; the merged client has no photo");
    }
    photoPath = written;
  }
  const leftOver = clientFiles(userId, [duplicate]);
  if (primary.photoPath && primary.photoPath !== photoPath) leftOver.paths.push(primary.photoPath);
  return { photoPath, written, leftOver };
}
