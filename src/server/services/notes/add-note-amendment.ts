import {
  createAmendmentInput,
  noteIdParams,
  type CreateAmendmentInput,
  type NoteAmendment,
} from "@/lib/contracts/notes";
import { withUserDb } from "@/server/db";
import { noteAmendments } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import type { UserContext } from "@/server/services/contacts";
import { refusingLockedNotes } from "./note-refusals";
import { AMENDMENT_COLUMNS, findNote, toAmendment } from "./note-row";

export { noteIdParams as addNoteAmendmentParams, createAmendmentInput as addNoteAmendmentInput };

function draftNotAmendable(): AppError {
  return new AppError("conflict", "Only signed notes take amendments; edit the draft instead");
}

/** Adds a dated addendum to a signed note. Amendments are never edited or removed. */
export async function addNoteAmendment(
  context: UserContext,
  input: { noteId: string } & CreateAmendmentInput,
): Promise<NoteAmendment> {
  const { userId } = context;
  return refusingLockedNotes(
    () =>
      withUserDb(userId, async (tx) => {
        const note = await findNote(tx, userId, input.noteId);
        if (note.status !== "final") throw draftNotAmendable();
        const [row] = await tx
          .insert(noteAmendments)
          .values({ userId, noteId: input.noteId, body: input.body })
          .returning(AMENDMENT_COLUMNS);
        if (!row) throw new Error("the new amendment was not returned");
        return toAmendment(row);
      }),
    draftNotAmendable,
  );
}
