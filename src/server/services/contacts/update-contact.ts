import { and, eq, sql } from "drizzle-orm";
import { contactIdParams, updateContactInput, type Contact, type UpdateContactInput } from "@/lib/contracts/contacts";
import { withUserDb } from "@/server/db";
import { contacts } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "./context";
import { selectContact } from "./contact-row";
import { contactColumnValues } from "./contact-values";
import { refusalsAsAppErrors } from "./database-errors";

export { updateContactInput, contactIdParams as updateContactParams };

/** Changes the fields sent; an empty edit returns the client unchanged. */
export async function updateContact(
  context: UserContext,
  input: { id: string; changes: UpdateContactInput },
): Promise<Contact> {
  const values = contactColumnValues(input.changes);
  return refusalsAsAppErrors(() =>
    withUserDb(context.userId, async (tx) => {
      if (Object.keys(values).length > 0) {
        await tx
          .update(contacts)
          .set({ ...values, updatedAt: sql`now()` })
          .where(and(eq(contacts.userId, context.userId), eq(contacts.id, input.id)));
      }
      const contact = await selectContact(tx, context.userId, input.id);
      if (!contact) throw AppError.notFound("Client");
      // Field names only: the values may be personal data.
      const fields = Object.keys(input.changes).sort().join(",");
      if (Object.keys(values).length > 0)
        await recordAuditEvent(tx, {
          userId: context.userId,
          action: "client.updated",
          target: { type: "client", id: contact.id },
          metadata: { fields },
        });
      return contact;
    }),
  );
}
