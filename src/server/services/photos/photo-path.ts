import { randomBytes } from "node:crypto";

/** Every client photo lives under this folder, one subfolder per practitioner and client. */
export const PHOTO_ROOT = "photos";

const FILE_NAME = /^[0-9a-f]{32}\.webp$/;

/** The folder holding every photo stored for one client (ids lower-cased, as Postgres prints uuids). */
export function contactPhotoFolder(userId: string, contactId: string): string {
  return `${PHOTO_ROOT}/${userId.toLowerCase()}/${contactId.toLowerCase()}`;
}

/** A new, unguessable object path chosen by the server: `photos/<userId>/<contactId>/<random>.webp`. */
export function newPhotoPath(userId: string, contactId: string): string {
  return `${contactPhotoFolder(userId, contactId)}/${randomBytes(16).toString("hex")}.webp`;
}

/** Whether a stored path is one `newPhotoPath` chose for this user's client. */
export function isPhotoPathOf(path: string, userId: string, contactId: string): boolean {
  const folder = `${contactPhotoFolder(userId, contactId)}/`;
  return path.startsWith(folder) && FILE_NAME.test(path.slice(folder.length));
}
