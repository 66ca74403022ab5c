import { z } from "zod";
import { deletePrefix } from "@/server/storage";
import { contactPhotoFolder } from "./photo-path";

export const deleteClientPhotoFilesInput = z.object({ userId: z.uuid(), contactId: z.uuid() });

/**
 * Deletes every stored photo of one client (for client deletion and erasure, after the rows are
 * gone); returns how many files went. Safe to repeat: a client without photos deletes nothing.
 */
export async function deleteClientPhotoFiles(input: z.input<typeof deleteClientPhotoFilesInput>): Promise<number> {
  const { userId, contactId } = deleteClientPhotoFilesInput.parse(input);
  return deletePrefix(contactPhotoFolder(userId, contactId));
}
