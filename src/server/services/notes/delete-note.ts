import { and, eq } from "drizzle-orm";
import { noteIdParams } from "@/lib/contracts/notes";
import { withUserDb } from "@/server/db";
import { notes } from "@/server/db/schema";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "@/server/services/contacts";
import { refusingLockedNotes, signedNoteLocked } from "./note-refusals";
import { findNote } from "./note-row";

export { noteIdParams as deleteNoteInput };

/** Discards a draft. A signed note stays part of the client's record (the database refuses it too). */
export async function deleteNote(context: UserContext, input: { id: string }): Promise<void> {
  const { userId } = context;
  await refusingLockedNotes(() =>
    withUserDb(userId, async (tx) => {
      const current = await findNote(tx, userId, input.id, { forUpdate: true });
      if (current.status === "final") throw signedNoteLocked();
      await tx.delete(notes).where(and(eq(notes.userId, userId), eq(notes.id, input.id)));
      await recordAuditEvent(tx, {
        userId,
        action: "note.deleted",
        target: { type: "note", id: input.id },
        metadata: { contactId: current.contactId },
      });
    }),
  );
}
