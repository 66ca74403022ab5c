import { and, eq } from "drizzle-orm";
import { consentRecordParams, type ClientConsentDetail } from "@/lib/contracts/consents";
import { withUserDb } from "@/server/db";
import { clientConsents, consentDocuments } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import type { UserContext } from "@/server/services/contacts";
import { CONSENT_COLUMNS, toClientConsent } from "./consent-rows";

export { consentRecordParams as getClientConsentParams };

/** One consent record with the full text of the version it names, for the printable view. */
export async function getClientConsent(
  context: UserContext,
  input: { contactId: string; consentId: string },
): Promise<ClientConsentDetail> {
  const { userId } = context;
  return withUserDb(userId, async (tx) => {
    const [row] = await tx
      .select({ ...CONSENT_COLUMNS, documentBody: consentDocuments.body })
      .from(clientConsents)
      .innerJoin(
        consentDocuments,
        and(eq(consentDocuments.userId, clientConsents.userId), eq(consentDocuments.id, clientConsents.documentId)),
      )
      .where(
        and(
          eq(clientConsents.userId, userId),
          eq(clientConsents.contactId, input.contactId),
          eq(clientConsents.id, input.consentId),
        ),
      );
    if (!row) throw AppError.notFound("Consent record");
    const { documentBody, ...record } = row;
    return { ...toClientConsent(record), documentBody };
  });
}
