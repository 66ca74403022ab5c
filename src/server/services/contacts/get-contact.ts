import { contactIdParams, type Contact } from "@/lib/contracts/contacts";
import { withUserDb } from "@/server/db";
import { AppError } from "@/server/http/app-error";
import type { UserContext } from "./context";
import { selectContact } from "./contact-row";

export { contactIdParams as getContactInput };

/** One client with every field; another practitioner's id is simply not found. */
export async function getContact(context: UserContext, input: { id: string }): Promise<Contact> {
  const contact = await withUserDb(context.userId, (tx) => selectContact(tx, context.userId, input.id));
  if (!contact) throw AppError.notFound("Client");
  return contact;
}
