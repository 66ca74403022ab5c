import { and, desc, eq } from "drizzle-orm";
import { consentKindParams, type ConsentDocument, type ConsentKind } from "@/lib/contracts/consents";
import { withUserDb } from "@/server/db";
import { consentDocuments } from "@/server/db/schema";
import type { UserContext } from "@/server/services/contacts";
import { DOCUMENT_COLUMNS, getCurrentConsentDocuments, toConsentDocument } from "./document-rows";

export { consentKindParams as listConsentDocumentVersionsParams };

/** Every published version of one kind, newest first. */
export async function listConsentDocumentVersions(context: UserContext, kind: ConsentKind): Promise<ConsentDocument[]> {
  const { userId } = context;
  return withUserDb(userId, async (tx) => {
    await getCurrentConsentDocuments(tx, userId);
    const rows = await tx
      .select(DOCUMENT_COLUMNS)
      .from(consentDocuments)
      .where(and(eq(consentDocuments.userId, userId), eq(consentDocuments.kind, kind)))
      .orderBy(desc(consentDocuments.version));
    return rows.map(toConsentDocument);
  });
}
