import { and, desc, eq } from "drizzle-orm";
import type { ClientConsent } from "@/lib/contracts/consents";
import { contactIdParams } from "@/lib/contracts/contacts";
import { withUserDb, type DbTransaction } from "@/server/db";
import { clientConsents, consentDocuments, contacts } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import type { UserContext } from "@/server/services/contacts";
import { CONSENT_COLUMNS, toClientConsent } from "./consent-rows";

export { contactIdParams as listClientConsentsParams };

/** 404 unless the client is the caller's (under row level security another practitioner's is invisible). */
export async function requireClient(tx: DbTransaction, userId: string, contactId: string): Promise<void> {
  const [client] = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId)));
  if (!client) throw AppError.notFound("Client");
}

/** The client's consent history, newest first; several records of one kind show how it changed. */
export async function readClientConsents(
  tx: DbTransaction,
  userId: string,
  contactId: string,
): Promise<ClientConsent[]> {
  const rows = await tx
    .select(CONSENT_COLUMNS)
    .from(clientConsents)
    .innerJoin(
      consentDocuments,
      and(eq(consentDocuments.userId, clientConsents.userId), eq(consentDocuments.id, clientConsents.documentId)),
    )
    .where(and(eq(clientConsents.userId, userId), eq(clientConsents.contactId, contactId)))
    .orderBy(desc(clientConsents.recordedAt), desc(clientConsents.id));
  return rows.map(toClientConsent);
}

export async function listClientConsents(context: UserContext, contactId: string): Promise<ClientConsent[]> {
  const { userId } = context;
  return withUserDb(userId, async (tx) => {
    await requireClient(tx, userId, contactId);
    return readClientConsents(tx, userId, contactId);
  });
}
