import { createContactInput, type Contact, type CreateContactInput } from "@/lib/contracts/contacts";
import { withUserDb } from "@/server/db";
import { contacts } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "./context";
import { selectContact } from "./contact-row";
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
      const [created] = await tx
        .insert(contacts)
        .values({
          ...contactColumnValues(fields),
          displayName: fields.displayName,
          userId: context.userId,
          source: source ?? "manual",
        })
        .returning({ id: contacts.id });
      const contact = created && (await selectContact(tx, context.userId, created.id));
      if (!contact) throw new Error("a created client could not be read back");
      await recordAuditEvent(tx, {
        userId: context.userId,
        action: "client.created",
        target: { type: "client", id: contact.id },
        metadata: { source: contact.source },
      });
      return contact;
    }),
  );
}
