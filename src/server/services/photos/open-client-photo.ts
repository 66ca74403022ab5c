import { and, eq } from "drizzle-orm";
import { z } from "@/lib/zod";
import { withUserDb } from "@/server/db";
import { contacts } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { log } from "@/server/observability/logger";
import { recordAuditEvent } from "@/server/services/audit";
import { getObject, type StoredObject } from "@/server/storage";
import { isPhotoPathOf } from "./photo-path";

export const openClientPhotoInput = z.object({ userId: z.uuid(), contactId: z.uuid() });

/**
 * Opens a client's photo for streaming, for its owner only: the path comes from the client's own row
 * (read under row level security), never from the caller. The photo.viewed audit event commits only
 * if the object could be opened; a client that is not the user's, or has no photo, is "not found".
 */
export async function openClientPhoto(input: z.input<typeof openClientPhotoInput>): Promise<StoredObject> {
  const { userId, contactId } = openClientPhotoInput.parse(input);
  let opened: StoredObject | undefined;
  try {
    return await withUserDb(userId, async (tx) => {
      const [row] = await tx
        .select({ photoPath: contacts.photoPath })
        .from(contacts)
        .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId)));
      if (!row?.photoPath) throw AppError.notFound("Photo");
      if (!isPhotoPathOf(row.photoPath, userId, contactId)) {
        log().warn({ contactId }, "client photo path is outside the client's photo folder; not served");
        throw AppError.notFound("Photo");
      }
      await recordAuditEvent(tx, { userId, action: "photo.viewed", target: { type: "client", id: contactId } });
      opened = await getObject(row.photoPath);
      return opened;
    });
  } catch (error) {
    // The transaction failed after the file was opened: release it rather than serve an unaudited view.
    await opened?.body.cancel().catch(() => undefined);
    throw error;
  }
}
