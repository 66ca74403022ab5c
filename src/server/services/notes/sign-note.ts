import { and, eq, sql } from "drizzle-orm";
import { noteIdParams, signNoteInput, type Note, type SignNoteInput } from "@/lib/contracts/notes";
import { withUserDb } from "@/server/db";
import { notes } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "@/server/services/contacts";
import { prepareNoteBody } from "./note-body";
import { refusingLockedNotes } from "./note-refusals";
import { findNote, NOTE_COLUMNS, toNote } from "./note-row";

export { noteIdParams as signNoteParams, signNoteInput };

function alreadySigned(): AppError {
  return new AppError("conflict", "This note is already signed");
}

/**
 * Signs and locks a draft: final, dated by the database, never editable again. A `bodyJson` sent
 * along is saved in the same transaction, so what is signed is exactly what the practitioner saw.
 */
export async function signNote(context: UserContext, input: { id: string } & SignNoteInput): Promise<Note> {
  const { userId } = context;
  const body = input.bodyJson === undefined ? {} : prepareNoteBody(input.bodyJson);
  return refusingLockedNotes(
    () =>
      withUserDb(userId, async (tx) => {
        const current = await findNote(tx, userId, input.id, { forUpdate: true });
        if (current.status === "final") throw alreadySigned();
        const [row] = await tx
          .update(notes)
          .set({ ...body, status: "final", signedAt: sql`now()`, updatedAt: sql`now()` })
          .where(and(eq(notes.userId, userId), eq(notes.id, input.id)))
          .returning(NOTE_COLUMNS);
        if (!row) throw new Error("the signed note was not returned");
        await recordAuditEvent(tx, {
          userId,
          action: "note.signed",
          target: { type: "note", id: input.id },
          metadata: { contactId: current.contactId },
        });
        return toNote(row, []);
      }),
    alreadySigned,
  );
}
