import { noteIdParams, type Note } from "@/lib/contracts/notes";
import { withUserDb } from "@/server/db";
import type { UserContext } from "@/server/services/contacts";
import { findNote, withAmendments } from "./note-row";

export { noteIdParams as getNoteInput };

/** One note with its amendments; another practitioner's id is simply not found. */
export async function getNote(context: UserContext, input: { id: string }): Promise<Note> {
  const { userId } = context;
  return withUserDb(userId, async (tx) => {
    const [note] = await withAmendments(tx, userId, [await findNote(tx, userId, input.id)]);
    if (!note) throw new Error("the note was not returned");
    return note;
  });
}
