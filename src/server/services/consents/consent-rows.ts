import { clientConsents, consentDocuments } from "@/server/db/schema";
import type { ClientConsent } from "@/lib/contracts/consents";

/** The columns every read of a consent record selects, with the version it names. */
export const CONSENT_COLUMNS = {
  id: clientConsents.id,
  contactId: clientConsents.contactId,
  kind: clientConsents.kind,
  decision: clientConsents.decision,
  documentId: clientConsents.documentId,
  documentHash: clientConsents.documentHash,
  documentVersion: consentDocuments.version,
  documentTitle: consentDocuments.title,
  signatureName: clientConsents.signatureName,
  signatureImage: clientConsents.signatureImage,
  source: clientConsents.source,
  ip: clientConsents.ip,
  userAgent: clientConsents.userAgent,
  recordedAt: clientConsents.recordedAt,
};

type ConsentRow = Omit<ClientConsent, "recordedAt"> & { recordedAt: Date };

export function toClientConsent(row: ConsentRow): ClientConsent {
  return { ...row, recordedAt: row.recordedAt.toISOString() };
}
