import { contactIdParams, type Contact } from "@/lib/contracts/contacts";
import { oneStatementAsUser, withUserDb } from "@/server/db";
import { inetLiteral, isUuid, parameterlessText, textLiteral, uuidLiteral } from "@/server/db/sql-literal";
import { AppError } from "@/server/errors";
import { auditEventValues } from "@/server/services/audit";
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
  // Not a uuid: no such client (and nothing to splice into a statement).
  if (!isUuid(input.id)) throw AppError.notFound("Client");
  const contact =
    options.recordView === false
      ? await withUserDb(context.userId, (tx) => selectContact(tx, context.userId, input.id))
      : await viewContact(context.userId, input.id);
  if (!contact) throw AppError.notFound("Client");
  return contact;
}

/**
 * The record a practitioner opens most, in one round trip on Postgres: the read, its audit event
 * and the intake flag are one statement (data-modifying CTEs see the same snapshot, so `found` is
 * the row as it was), sent with the row-level-security setup as one message without parameters
 * (`oneStatementAsUser`): every value below is a checked or escaped literal.
 */
async function viewContact(userId: string, id: string): Promise<Contact | undefined> {
  const user = uuidLiteral(userId, "getContact");
  const contact = uuidLiteral(id, "getContact");
  const audit = auditEventValues({ userId, action: "client.viewed", target: { type: "client", id } });
  const rows = await oneStatementAsUser<ContactRow>(
    userId,
    `with found as (
       select ${parameterlessText(CONTACT_COLUMNS)} from public.contacts c where c.user_id = ${user} and c.id = ${contact}
     ), viewed as (
       insert into public.audit_events (user_id, action, target_type, target_id, ip, user_agent, request_id, metadata)
       select ${user}, ${textLiteral(audit.action)}, ${textLiteral(audit.targetType)}, found.id, ${inetLiteral(audit.ip)},
              ${textLiteral(audit.userAgent)}, ${textLiteral(audit.requestId)}, '{}'::jsonb from found
     ), reviewed as (
       update public.contacts set new_from_intake_at = null
        where user_id = ${user} and id in (select id from found where new_from_intake)
     ), notifications_read as (
       update public.notifications set read_at = now()
        where user_id = ${user} and contact_id in (select id from found where new_from_intake) and read_at is null
     )
     select * from found`,
  );
  const found = rows[0] && toContact(rows[0]);
  return found?.newFromIntake ? { ...found, newFromIntake: false } : found;
}
