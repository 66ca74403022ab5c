import { and, desc, eq } from "drizzle-orm";
import { createNoteInput, type CreateNoteInput, type Note, type NoteDocument } from "@/lib/contracts/notes";
import { noteTemplate } from "@/lib/note-templates";
import { withUserDb, type DbTransaction } from "@/server/db";
import { notes } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import type { UserContext } from "@/server/services/contacts";
import { prepareNoteBody } from "./note-body";
import { refusingLockedNotes } from "./note-refusals";
import { assertContactExists, NOTE_COLUMNS, toNote } from "./note-row";

export { createNoteInput };

const EMPTY_DOCUMENT: NoteDocument = { type: "doc", content: [] };

interface StartingPoint {
  document: NoteDocument;
  template: string | null;
}

/** The caller's most recent note for this client, whatever its status. */
async function lastNoteBody(tx: DbTransaction, userId: string, contactId: string): Promise<StartingPoint> {
  const [last] = await tx
    .select({ bodyJson: notes.bodyJson, template: notes.template })
    .from(notes)
    .where(and(eq(notes.userId, userId), eq(notes.contactId, contactId)))
    .orderBy(desc(notes.createdAt), desc(notes.id))
    .limit(1);
  if (!last)
    throw new AppError("validation_failed", "This client has no earlier note to start from", {
      details: [{ path: "startFromLast", message: "Start from a template instead" }],
    });
  return { document: last.bodyJson as unknown as NoteDocument, template: last.template };
}

function startingPoint(tx: DbTransaction, userId: string, input: { contactId: string } & CreateNoteInput) {
  if (input.startFromLast) return lastNoteBody(tx, userId, input.contactId);
  if (input.template) return { document: noteTemplate(input.template).body, template: input.template };
  return { document: input.bodyJson ?? EMPTY_DOCUMENT, template: null };
}

/** A new draft note for one of the caller's clients: empty, from a template, or a copy of the last note. */
export async function createNote(context: UserContext, input: { contactId: string } & CreateNoteInput): Promise<Note> {
  const { userId } = context;
  return refusingLockedNotes(() =>
    withUserDb(userId, async (tx) => {
      await assertContactExists(tx, userId, input.contactId);
      const start = await startingPoint(tx, userId, input);
      const body = prepareNoteBody(start.document);
      const [row] = await tx
        .insert(notes)
        .values({ userId, contactId: input.contactId, ...body, template: start.template })
        .returning(NOTE_COLUMNS);
      if (!row) throw new Error("the new note was not returned");
      return toNote(row, []);
    }),
  );
}
