import { sql } from "drizzle-orm";
import { contactIdParams, type Contact } from "@/lib/contracts/contacts";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { AppError } from "@/server/errors";
import { auditInsertFrom } from "@/server/services/audit";
import type { UserContext } from "./context";
import { CONTACT_COLUMNS, selectContact, toContact, type ContactRow } from "./contact-row";

export { contactIdParams as getContactInput };

/**
 * One client with every field, its viewing recorded (unless `recordView` is false: a page title,
 * which router prefetches render without anyone looking); another practitioner's id is not found.
 * Viewing a client that is "new from intake" clears the flag and marks its notifications read: the
 * write happens only for a flagged client, so ordinary views stay reads (plus their audit event).
 *
 * The record a practitioner opens most: the read, its audit event and the intake flag are one
 * statement (data-modifying CTEs see the same snapshot, so `found` is the row as it was), which
 * saves the round trip the separate insert cost (Parse/Describe, then Bind/Execute).
 */
export async function getContact(
  context: UserContext,
  input: { id: string },
  options: { recordView?: boolean } = {},
): Promise<Contact> {
  const contact = await withUserDb(context.userId, async (tx) => {
    if (options.recordView === false) return selectContact(tx, context.userId, input.id);
    const { userId } = context;
    const target = { type: "client", id: input.id } as const;
    const rows = resultRows<ContactRow>(
      await tx.execute(sql`
        with found as (
          select ${CONTACT_COLUMNS} from public.contacts c where c.user_id = ${userId} and c.id = ${input.id}
        ), viewed as (
          ${auditInsertFrom(sql`found`, { userId, action: "client.viewed", target })}
        ), reviewed as (
          update public.contacts set new_from_intake_at = null
           where user_id = ${userId} and id in (select id from found where new_from_intake)
        ), notifications_read as (
          update public.notifications set read_at = now()
           where user_id = ${userId} and contact_id in (select id from found where new_from_intake) and read_at is null
        )
        select * from found`),
    );
    const found = rows[0] && toContact(rows[0]);
    return found?.newFromIntake ? { ...found, newFromIntake: false } : found;
  });
  if (!contact) throw AppError.notFound("Client");
  return contact;
}
