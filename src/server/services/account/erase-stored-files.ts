import { withSystemDb } from "@/server/db";
import { enqueueJob } from "@/server/jobs/queue";
import { log } from "@/server/observability/logger";
import { PHOTO_ROOT } from "@/server/services/photos/photo-path";
import { deleteStoredObjects, type DeleteStoredObjectsInput } from "./delete-stored-objects";

/** Every storage folder of one account: client photos, and the `<userId>/…` layout of other files. */
export function accountStoragePrefixes(userId: string): string[] {
  return [`${PHOTO_ROOT}/${userId}`, userId];
}

/**
 * Deletes files after the rows that pointed at them are committed. A failure is logged and handed to
 * the job queue ("storage.delete-objects", retried with backoff), so no file is silently left behind.
 */
export async function eraseStoredFiles(files: DeleteStoredObjectsInput, reason: string): Promise<void> {
  if (files.paths.length === 0 && files.prefixes.length === 0) return;
  try {
    await deleteStoredObjects(files);
  } catch (error) {
    log().warn({ err: error, reason }, "stored file deletion failed; queued for retry");
    // No user_id on the job: it must outlive an account that is being deleted.
    await withSystemDb("storage-delete-retry", (tx) => enqueueJob(tx, "storage.delete-objects", files));
  }
}
