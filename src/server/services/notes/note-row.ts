import { and, asc, eq, inArray } from "drizzle-orm";
import type { Note, NoteAmendment, NoteDocument, NoteStatus } from "@/lib/contracts/notes";
import type { DbTransaction } from "@/server/db";
import { contacts, noteAmendments, notes } from "@/server/db/schema";
import { AppError } from "@/server/errors";

/** The columns every read of a note selects. */
export const NOTE_COLUMNS = {
  id: notes.id,
  contactId: notes.contactId,
  bodyJson: notes.bodyJson,
  bodyText: notes.bodyText,
  template: notes.template,
  status: notes.status,
  signedAt: notes.signedAt,
  createdAt: notes.createdAt,
  updatedAt: notes.updatedAt,
};

export const AMENDMENT_COLUMNS = {
  id: noteAmendments.id,
  noteId: noteAmendments.noteId,
  body: noteAmendments.body,
  createdAt: noteAmendments.createdAt,
};

export interface NoteRow {
  id: string;
  contactId: string;
  bodyJson: Record<string, unknown>;
  bodyText: string;
  template: string | null;
  status: NoteStatus;
  signedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type AmendmentRow = { id: string; noteId: string; body: string; createdAt: Date };

export function toAmendment(row: AmendmentRow): NoteAmendment {
  return { id: row.id, noteId: row.noteId, body: row.body, createdAt: row.createdAt.toISOString() };
}

export function toNote(row: NoteRow, amendments: AmendmentRow[]): Note {
  return {
    id: row.id,
    contactId: row.contactId,
    // Written only through prepareNoteBody, so the stored JSON is a document the contract accepts.
    bodyJson: row.bodyJson as unknown as NoteDocument,
    bodyText: row.bodyText,
    template: row.template,
    status: row.status,
    locked: row.status === "final",
    signedAt: row.signedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    amendments: amendments.map(toAmendment),
  };
}

/** Notes with their amendments (oldest first), in one query for the whole page. */
export async function withAmendments(tx: DbTransaction, userId: string, rows: NoteRow[]): Promise<Note[]> {
  const signedIds = rows.filter((row) => row.status === "final").map((row) => row.id);
  const amendments =
    signedIds.length === 0
      ? []
      : await tx
          .select(AMENDMENT_COLUMNS)
          .from(noteAmendments)
          .where(and(eq(noteAmendments.userId, userId), inArray(noteAmendments.noteId, signedIds)))
          .orderBy(asc(noteAmendments.createdAt), asc(noteAmendments.id));
  return rows.map((row) =>
    toNote(
      row,
      amendments.filter((amendment) => amendment.noteId === row.id),
    ),
  );
}

/** The note, locked against a concurrent sign or save when `forUpdate`; another practitioner's id is not found. */
export async function findNote(
  tx: DbTransaction,
  userId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<NoteRow> {
  const query = tx
    .select(NOTE_COLUMNS)
    .from(notes)
    .where(and(eq(notes.userId, userId), eq(notes.id, id)));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) throw AppError.notFound("Note");
  return row;
}

/** Notes hang off a client: another practitioner's client (or none) is not found. */
export async function assertContactExists(tx: DbTransaction, userId: string, contactId: string): Promise<void> {
  const [row] = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId)));
  if (!row) throw AppError.notFound("Client");
}
