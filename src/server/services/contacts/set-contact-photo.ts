import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { withUserDb } from "@/server/db";
import { contacts } from "@/server/db/schema";
import { AppError } from "@/server/http/app-error";
import type { UserContext } from "./context";

/** The storage key of a client's photo (written by intake after the upload is stored), or null to remove it. */
export const setContactPhotoInput = z.object({
  id: z.uuid(),
  photoPath: z.string().min(1).max(500).nullable(),
});

/** Not part of the public edit contract: only code that stored the file knows a valid key. */
export async function setContactPhoto(
  context: UserContext,
  input: z.output<typeof setContactPhotoInput>,
): Promise<void> {
  const updated = await withUserDb(context.userId, (tx) =>
    tx
      .update(contacts)
      .set({ photoPath: input.photoPath, updatedAt: sql`now()` })
      .where(and(eq(contacts.userId, context.userId), eq(contacts.id, input.id)))
      .returning({ id: contacts.id }),
  );
  if (updated.length === 0) throw AppError.notFound("Client");
}
