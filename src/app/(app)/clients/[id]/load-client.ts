import { notFound } from "next/navigation";
import { cache } from "react";
import { contactIdParams, type Contact } from "@/lib/contracts/contacts";
import { isAppError } from "@/server/http/app-error";
import { log } from "@/server/observability/logger";
import { getContact } from "@/server/services/contacts";
import { getObject, objectBytes } from "@/server/storage";
import { currentAccount } from "../../current-account";

/** Photos larger than this are not inlined into the page (intake caps uploads at 1 MiB). */
const MAX_INLINE_PHOTO_BYTES = 1024 * 1024;

/**
 * The signed-in practitioner's client, once per request (page and title share it). An id that is
 * malformed, unknown or another practitioner's is the same 404.
 */
export const loadClient = cache(async (id: string): Promise<Contact> => {
  const account = await currentAccount();
  if (!contactIdParams.safeParse({ id }).success) notFound();
  try {
    return await getContact({ userId: account.id }, { id });
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
});

/**
 * The client's photo as a data URL, read from private storage on the server (the key came from the
 * client's own row); null when there is none or it cannot be shown, so the page falls back to initials.
 */
export async function loadClientPhoto(contact: Contact): Promise<string | null> {
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
