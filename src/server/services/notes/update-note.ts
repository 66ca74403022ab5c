import { and, eq, sql } from "drizzle-orm";
import { noteIdParams, updateNoteInput, type Note, type UpdateNoteInput } from "@/lib/contracts/notes";
import { withUserDb } from "@/server/db";
import { notes } from "@/server/db/schema";
import type { UserContext } from "@/server/services/contacts";
import { prepareNoteBody } from "./note-body";
import { refusingLockedNotes, signedNoteLocked } from "./note-refusals";
import { findNote, NOTE_COLUMNS, toNote } from "./note-row";

export { noteIdParams as updateNoteParams, updateNoteInput };

/** Saves a draft's body (the editor's autosave). A signed note is refused: it takes amendments only. */
export async function updateNote(context: UserContext, input: { id: string } & UpdateNoteInput): Promise<Note> {
  const { userId } = context;
  const body = prepareNoteBody(input.bodyJson);
  return refusingLockedNotes(() =>
    withUserDb(userId, async (tx) => {
      const current = await findNote(tx, userId, input.id, { forUpdate: true });
      if (current.status === "final") throw signedNoteLocked();
      const [row] = await tx
        .update(notes)
        .set({ ...body, updatedAt: sql`now()` })
        .where(and(eq(notes.userId, userId), eq(notes.id, input.id)))
        .returning(NOTE_COLUMNS);
      if (!row) throw new Error("the saved note was not returned");
      return toNote(row, []);
    }),
  );
}
