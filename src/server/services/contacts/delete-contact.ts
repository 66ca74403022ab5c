import { and, eq } from "drizzle-orm";
import { contactIdParams } from "@/lib/contracts/contacts";
import { withUserDb } from "@/server/db";
import { contacts } from "@/server/db/schema";
import { AppError } from "@/server/http/app-error";
import type { UserContext } from "./context";

export { contactIdParams as deleteContactInput };

/** Deletes a client with their notes and tag links (the foreign keys cascade). */
export async function deleteContact(context: UserContext, input: { id: string }): Promise<void> {
  const deleted = await withUserDb(context.userId, (tx) =>
    tx
      .delete(contacts)
      .where(and(eq(contacts.userId, context.userId), eq(contacts.id, input.id)))
      .returning({ id: contacts.id }),
  );
  if (deleted.length === 0) throw AppError.notFound("Client");
}
