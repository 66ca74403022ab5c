import {
  publishConsentDocumentInput,
  type ConsentDocument,
  type PublishConsentDocumentInput,
} from "@/lib/contracts/consents";
import { withUserDb } from "@/server/db";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "@/server/services/contacts";
import { getCurrentConsentDocuments, insertVersion, lockConsentDocuments } from "./document-rows";

export { publishConsentDocumentInput };

/**
 * Publishes new wording as the next version of one kind. Earlier versions stay as they were, so a
 * consent given on version 1 still shows version 1's text; clients see the new version from now on.
 */
export async function publishConsentDocument(
  context: UserContext,
  input: PublishConsentDocumentInput,
): Promise<ConsentDocument> {
  const { userId } = context;
  return withUserDb(userId, async (tx) => {
    // Version 1 is always the default text, so history shows what clients saw before this wording.
    await getCurrentConsentDocuments(tx, userId);
    await lockConsentDocuments(tx, userId);
    const document = await insertVersion(tx, userId, input);
    await recordAuditEvent(tx, {
      userId,
      action: "consent_document.published",
      target: { type: "consent_document", id: document.id },
      metadata: { kind: document.kind, version: document.version },
    });
    return document;
  });
}
