import { sql } from "drizzle-orm";
import { bulkDeleteContactsInput, type BulkDeleteContactsInput } from "@/lib/contracts/contacts";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { AppError } from "@/server/http/app-error";
import type { UserContext } from "./context";
import { uuidArray } from "./id-list";

export { bulkDeleteContactsInput };

/** Deletes every client listed, or none: one id that is not the caller's rolls the whole request back (404). */
export async function bulkDeleteContacts(
  context: UserContext,
  input: BulkDeleteContactsInput,
): Promise<{ deleted: number }> {
  return withUserDb(context.userId, async (tx) => {
    const deleted = resultRows<{ id: string }>(
      await tx.execute(sql`
        delete from public.contacts
         where user_id = ${context.userId} and id = any(${uuidArray(input.ids)})
        returning id`),
    );
    // Thrown inside the transaction, so the rows already deleted come back.
    if (deleted.length !== input.ids.length) throw AppError.notFound("One or more clients were");
    return { deleted: deleted.length };
  });
}
