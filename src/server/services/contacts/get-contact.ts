import { contactIdParams, type Contact } from "@/lib/contracts/contacts";
import { withUserDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "./context";
import { selectContact } from "./contact-row";

export { contactIdParams as getContactInput };

/**
 * One client with every field, its viewing recorded (unless `recordView` is false: a page title,
 * which router prefetches render without anyone looking); another practitioner's id is not found.
 */
export async function getContact(
  context: UserContext,
  input: { id: string },
  options: { recordView?: boolean } = {},
): Promise<Contact> {
  const contact = await withUserDb(context.userId, async (tx) => {
    const found = await selectContact(tx, context.userId, input.id);
    const target = { type: "client", id: input.id } as const;
    if (found && options.recordView !== false)
      await recordAuditEvent(tx, { userId: context.userId, action: "client.viewed", target });
    return found;
  });
  if (!contact) throw AppError.notFound("Client");
  return contact;
}
