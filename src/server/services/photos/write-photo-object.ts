import { putObject } from "@/server/storage";
import type { PreparedPhoto } from "./prepare-photo";

/** Stores a prepared photo privately at its path; nothing points at it until `attachPhoto` commits. */
export async function writePhotoObject(photo: PreparedPhoto): Promise<void> {
  await putObject(photo.path, photo.body, photo.contentType);
}
