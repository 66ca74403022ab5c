import { log } from "@/server/observability/logger";
import { deleteObject } from "@/server/storage";

/**
 * Deletes a photo object nothing points at any more (replaced, removed, or written for a transaction
 * that failed). Best effort: a failure is logged and leaves an unreferenced private file, never an error.
 */
export async function deletePhotoObject(path: string): Promise<void> {
  try {
    await deleteObject(path);
  } catch (error) {
    log().warn({ err: error }, "photo object could not be deleted");
  }
}
