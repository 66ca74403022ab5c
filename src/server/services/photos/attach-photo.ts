import { and, eq, sql } from "drizzle-orm";
import { z } from "@/lib/zod";
import type { DbExecutor } from "@/server/db";
import { contacts } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit";
import { isPhotoPathOf } from "./photo-path";

export const attachPhotoInput = z.object({
  userId: z.uuid(),
  contactId: z.uuid(),
  /** A path from `preparePhoto` whose object is already written, or null to remove the photo. */
  path: z.string().min(1).max(500).nullable(),
});

/**
 * Points a client at a stored photo (or at none) and records it in the audit log, in the caller's
 * transaction. Returns the previous path so the caller can delete that object once the transaction
 * has committed. A client that is not the user's (or does not exist) is "not found".
 */
export async function attachPhoto(
  tx: DbExecutor,
  input: z.input<typeof attachPhotoInput>,
): Promise<{ previousPath: string | null }> {
  const { userId, contactId, path } = attachPhotoInput.parse(input);
  // Only a path the photo service chose for this very client may be attached, never one from elsewhere.
  if (path !== null && !isPhotoPathOf(path, userId, contactId)) throw new AppError("bad_request", "Invalid photo path");
  const mine = and(eq(contacts.userId, userId), eq(contacts.id, contactId));
  const [current] = await tx.select({ photoPath: contacts.photoPath }).from(contacts).where(mine).for("update");
  if (!current) throw AppError.notFound("Client");
  if (path === null && current.photoPath === null) return { previousPath: null };
  await tx
    .update(contacts)
    .set({ photoPath: path, updatedAt: sql`now()` })
    .where(mine);
  await recordAuditEvent(tx, {
    userId,
    action: path ? "photo.uploaded" : "photo.deleted",
    target: { type: "client", id: contactId },
    metadata: { replaced: current.photoPath !== null },
  });
  return { previousPath: current.photoPath };
}
