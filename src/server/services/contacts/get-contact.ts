import { sql } from "drizzle-orm";
import { contactIdParams, type Contact } from "@/lib/contracts/contacts";
import { withUserDb, type DbTransaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "./context";
import { selectContact } from "./contact-row";

export { contactIdParams as getContactInput };

/**
 * One client with every field, its viewing recorded (unless `recordView` is false: a page title,
 * which router prefetches render without anyone looking); another practitioner's id is not found.
 * Viewing a client that is "new from intake" clears the flag and marks its notifications read: the
 * write happens only for a flagged client, so ordinary views stay reads (plus their audit event).
 */
export async function getContact(
  context: UserContext,
  input: { id: string },
  options: { recordView?: boolean } = {},
): Promise<Contact> {
  const contact = await withUserDb(context.userId, async (tx) => {
    const found = await selectContact(tx, context.userId, input.id);
    const target = { type: "client", id: input.id } as const;
    if (!found || options.recordView === false) return found;
    await recordAuditEvent(tx, { userId: context.userId, action: "client.viewed", target });
    if (found.newFromIntake) await markIntakeReviewed(tx, context.userId, found.id);
    return found.newFromIntake ? { ...found, newFromIntake: false } : found;
  });
  if (!contact) throw AppError.notFound("Client");
  return contact;
}

async function markIntakeReviewed(tx: DbTransaction, userId: string, contactId: string): Promise<void> {
  await tx.execute(sql`update public.contacts set new_from_intake_at = null
                        where user_id = ${userId} and id = ${contactId} and new_from_intake_at is not null`);
  await tx.execute(sql`update public.notifications set read_at = now()
                        where user_id = ${userId} and contact_id = ${contactId} and read_at is null`);
}
