import { createContactInput, type Contact, type CreateContactInput } from "@/lib/contracts/contacts";
import { sql } from "drizzle-orm";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { contacts } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { auditInsertFrom } from "@/server/services/audit";
import type { UserContext } from "./context";
import { CONTACT_COLUMNS, toContact, type ContactRow } from "./contact-row";
import { contactColumnValues } from "./contact-values";
import { refusalsAsAppErrors } from "./database-errors";
import { duplicatesIn } from "./find-duplicate-contacts";

export { createContactInput };

/**
 * Adds a client. A client with the same email or phone already on file answers 409 with its id
 * (so the screen can offer to open or merge it), unless the practitioner insists (`allowDuplicate`).
 */
export async function createContact(context: UserContext, input: CreateContactInput): Promise<Contact> {
  const { allowDuplicate, source, ...fields } = input;
  return refusalsAsAppErrors(() =>
    withUserDb(context.userId, async (tx) => {
      if (!allowDuplicate) {
        const [duplicate] = await duplicatesIn(tx, context.userId, [{ email: fields.email, phone: fields.phone }]);
        if (duplicate) {
          throw new AppError("conflict", `A client with this ${duplicate.matchedOn} already exists`, {
            details: { duplicateId: duplicate.duplicateId, matchedOn: duplicate.matchedOn },
          });
        }
      }
      const insert = tx
        .insert(contacts)
        .values({
          ...contactColumnValues(fields),
          displayName: fields.displayName,
          userId: context.userId,
          source: source ?? "manual",
        })
        .returning();
      // The insert, its audit event and the read-back in one statement: two round trips instead of six.
      const audit = auditInsertFrom(
        sql`created`,
        {
          userId: context.userId,
          action: "client.created",
          target: { type: "client", id: "" },
          metadata: { source: source ?? "manual" },
        },
        { targetIdColumn: sql`created.id` },
      );
      const rows = resultRows<ContactRow>(
        await tx.execute(sql`
          with created as (${insert.getSQL()}), audited as (${audit})
          select ${CONTACT_COLUMNS} from created c`),
      );
      if (!rows[0]) throw new Error("a created client could not be read back");
      return toContact(rows[0]);
    }),
  );
}
