import { randomBytes } from "node:crypto";

/** Every client photo lives under this folder, one subfolder per practitioner and client. */
export const PHOTO_ROOT = "photos";

/** A new, unguessable object path chosen by the server: `photos/<userId>/<contactId>/<random>.webp`. */
export function newPhotoPath(userId: string, contactId: string): string {
  return `${PHOTO_ROOT}/${userId}/${contactId}/${randomBytes(16).toString("hex")}.webp`;
}

/** The folder holding every photo stored for one client (for erasure). */
export function contactPhotoFolder(userId: string, contactId: string): string {
  return `${PHOTO_ROOT}/${userId}/${contactId}`;
}
