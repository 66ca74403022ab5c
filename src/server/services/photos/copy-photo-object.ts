import { getObject, objectBytes, putObject } from "@/server/storage";
import { newPhotoPath } from "./photo-path";

/**
 * Copies a stored photo into another client's folder under a new server-chosen path and returns it.
 * A client's photo is served only from its own folder, so a photo that changes client is copied, and
 * the original goes with the old client's folder once the change commits.
 */
export async function copyPhotoObject(sourcePath: string, userId: string, contactId: string): Promise<string> {
  const source = await getObject(sourcePath);
  const path = newPhotoPath(userId, contactId);
  await putObject(path, await objectBytes(source), source.contentType);
  return path;
}
