import { and, desc, eq, sql } from "drizzle-orm";
import { listNotesQuery, type ListNotesQuery, type NoteListResponse } from "@/lib/contracts/notes";
import { withUserDb } from "@/server/db";
import { notes } from "@/server/db/schema";
import type { UserContext } from "@/server/services/contacts";
import { decodeKeysetCursor, encodeKeysetCursor } from "@/server/pagination/keyset-cursor";
import { withCallerValues } from "@/server/services/contacts/database-errors";
import { assertContactExists, NOTE_COLUMNS, withAmendments } from "./note-row";

export { listNotesQuery as listNotesInput };

/** A client's notes, newest first, with their amendments; keyset pages so a busy history stays fast. */
export async function listNotes(
  context: UserContext,
  input: { contactId: string } & ListNotesQuery,
): Promise<NoteListResponse> {
  const { userId } = context;
  const after = input.cursor === undefined ? undefined : decodeKeysetCursor(input.cursor);
  return withCallerValues(() =>
    withUserDb(userId, async (tx) => {
      await assertContactExists(tx, userId, input.contactId);
      const rows = await tx
        .select({ ...NOTE_COLUMNS, position: sql<string>`to_json(${notes.createdAt}) #>> '{}'` })
        .from(notes)
        .where(
          and(
            eq(notes.userId, userId),
            eq(notes.contactId, input.contactId),
            after && sql`(${notes.createdAt}, ${notes.id}) < (${after.at}::timestamptz, ${after.id}::uuid)`,
          ),
        )
        .orderBy(desc(notes.createdAt), desc(notes.id))
        .limit(input.limit + 1);
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      const nextCursor =
        rows.length > input.limit && last ? encodeKeysetCursor({ at: last.position, id: last.id }) : null;
      return { items: await withAmendments(tx, userId, page), nextCursor };
    }),
  );
}
