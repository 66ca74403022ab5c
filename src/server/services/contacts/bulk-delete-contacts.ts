import { sql } from "drizzle-orm";
import { bulkDeleteContactsInput, type BulkDeleteContactsInput } from "@/lib/contracts/contact-selection";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { AppError } from "@/server/errors";
import { eraseStoredFiles } from "@/server/services/account/erase-stored-files";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "./context";
import { clientFiles } from "./delete-contact";
import { uuidArray } from "./id-list";
import { selectedContactIds } from "./selected-contact-ids";

export { bulkDeleteContactsInput };

/**
 * Erases every client selected, or none: one id that is not the caller's rolls the whole request back
 * (404); a filter that no longer matches exactly the count the practitioner saw is a 409.
 * One "clients.bulk_deleted" event lists the bare ids; their photos go after commit.
 */
export async function bulkDeleteContacts(
  context: UserContext,
  input: BulkDeleteContactsInput,
): Promise<{ deleted: number }> {
  const deleted = await withUserDb(context.userId, async (tx) => {
    const ids = await selectedContactIds(tx, context.userId, input);
    const rows = resultRows<{ id: string; photo_path: string | null }>(
      await tx.execute(sql`
        delete from public.contacts
         where user_id = ${context.userId} and id = any(${uuidArray(ids)})
        returning id, photo_path`),
    );
    // Thrown inside the transaction, so the rows already deleted come back.
    if (rows.length !== ids.length) throw AppError.notFound("One or more clients were");
    // One event for the one action: the activity log shows a bulk delete as one step, the ids in its details.
    await recordAuditEvent(tx, {
      userId: context.userId,
      action: "clients.bulk_deleted",
      metadata: {
        count: rows.length,
        clientIds: rows.map((row) => row.id),
        selectedBy: "ids" in input ? "ids" : "filter",
      },
    });
    return rows.map((row) => ({ id: row.id, photoPath: row.photo_path }));
  });
  await eraseStoredFiles(clientFiles(context.userId, deleted), "clients erased in bulk");
  return { deleted: deleted.length };
}
