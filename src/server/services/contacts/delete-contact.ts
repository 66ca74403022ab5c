import { and, eq } from "drizzle-orm";
import { contactIdParams } from "@/lib/contracts/contacts";
import { withUserDb } from "@/server/db";
import { contacts } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { eraseStoredFiles } from "@/server/services/account/erase-stored-files";
import { recordAuditEvent } from "@/server/services/audit";
import { contactPhotoFolder } from "@/server/services/photos/photo-path";
import type { UserContext } from "./context";

export { contactIdParams as deleteContactInput };

/**
 * Erases a client: the row goes and its notes, amendments, tag links and consents cascade with it;
 * the "client.erased" event keeps only the bare id. The client's photos are deleted after commit.
 */
export async function deleteContact(context: UserContext, input: { id: string }): Promise<void> {
  const deleted = await withUserDb(context.userId, async (tx) => {
    const rows = await tx
      .delete(contacts)
      .where(and(eq(contacts.userId, context.userId), eq(contacts.id, input.id)))
      .returning({ id: contacts.id, photoPath: contacts.photoPath });
    if (rows.length > 0) {
      await recordAuditEvent(tx, {
        userId: context.userId,
        action: "client.erased",
        target: { type: "client", id: input.id },
      });
    }
    return rows;
  });
  if (deleted.length === 0) throw AppError.notFound("Client");
  await eraseStoredFiles(clientFiles(context.userId, deleted), "client erased");
}

/** The photo folders of erased clients, plus any stored photo path kept outside its folder. */
export function clientFiles(userId: string, erased: { id: string; photoPath: string | null }[]) {
  const prefixes = erased.map((row) => contactPhotoFolder(userId, row.id));
  const paths = erased.flatMap((row, index) =>
    row.photoPath && !row.photoPath.startsWith(`${prefixes[index]}/`) ? [row.photoPath] : [],
  );
  return { paths, prefixes };
}
