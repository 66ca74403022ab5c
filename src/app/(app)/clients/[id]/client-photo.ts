import type { Contact } from "@/lib/contracts/contacts";
import { log } from "@/server/observability/logger";
import { getObject, objectBytes } from "@/server/storage";

/** Photos larger than this are not inlined into the page (intake caps uploads at 1 MiB). */
export const MAX_INLINE_PHOTO_BYTES = 1024 * 1024;

/**
 * The client's photo as a data URL, read from private storage on the server (the key came from the
 * client's own row); null when there is none or it cannot be shown, so the page falls back to initials.
 */
export async function loadClientPhoto(contact: Pick<Contact, "id" | "photoPath">): Promise<string | null> {
  if (!contact.photoPath) return null;
  try {
    const photo = await getObject(contact.photoPath);
    if (!photo.contentType.startsWith("image/") || photo.size > MAX_INLINE_PHOTO_BYTES) {
      await photo.body.cancel();
      return null;
    }
    const bytes = await objectBytes(photo);
    return `data:${photo.contentType};base64,${Buffer.from(bytes).toString("base64")}`;
  } catch (error) {
    log().warn({ err: error, contactId: contact.id }, "client photo could not be read");
    return null;
  }
}
