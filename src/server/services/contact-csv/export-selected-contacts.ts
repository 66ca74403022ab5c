import { sql } from "drizzle-orm";
import type { ExportSelectedContactsInput } from "@/lib/contracts/contacts";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit";
import { CONTACT_COLUMNS, toContact, type ContactRow, type UserContext } from "@/server/services/contacts";
import { uuidArray } from "@/server/services/contacts/id-list";
import { BYTE_ORDER_MARK, csvHeaderLine, csvRecordLines } from "./contact-record";
import { exportFileName, type CsvExport } from "./export-csv-contacts";

/**
 * The ticked clients (at most 500) as the same CSV as the full export, sorted by name. All or
 * nothing, like the other bulk actions: one id that is not the caller's is a 404 and no file.
 */
export async function exportSelectedContacts(
  context: UserContext,
  input: ExportSelectedContactsInput,
  now: Date = new Date(),
): Promise<CsvExport> {
  const contacts = await withUserDb(context.userId, async (tx) => {
    const rows = resultRows<ContactRow>(
      await tx.execute(sql`
        select ${CONTACT_COLUMNS} from public.contacts c
         where c.user_id = ${context.userId} and c.id = any(${uuidArray(input.ids)})
         order by c.display_name, c.id`),
    );
    if (rows.length !== input.ids.length) throw AppError.notFound("One or more clients were");
    await recordAuditEvent(tx, {
      userId: context.userId,
      action: "clients.exported",
      metadata: { count: rows.length, filters: "selection" },
    });
    return rows.map(toContact);
  });
  const text = BYTE_ORDER_MARK + csvHeaderLine() + csvRecordLines(contacts);
  return { fileName: exportFileName(now), stream: new Blob([text]).stream() };
}
