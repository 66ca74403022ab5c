import { z } from "@/lib/zod";
import {
  CONSENT_KIND_LABELS,
  CONSENT_LIMITS,
  isRequiredConsentKind,
  signatureImageSchema,
  signatureNameSchema,
  type ClientConsent,
  type ConsentDocument,
} from "@/lib/contracts/consents";
import type { DbTransaction } from "@/server/db";
import { clientConsents } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { currentRequestContext } from "@/server/observability/request-context";
import { recordAuditEvent } from "@/server/services/audit";
import { refusalsAsAppErrors } from "@/server/services/contacts/database-errors";
import { getCurrentConsentDocuments } from "./document-rows";

/** One decision a client made on one document version (granting or declining; withdrawal is separate). */
export const appendClientConsentRecord = z.object({
  contactId: z.uuid(),
  documentId: z.uuid(),
  decision: z.enum(["granted", "declined"]),
  signatureName: signatureNameSchema,
  signatureImage: signatureImageSchema.nullable().optional(),
  source: z.enum(["intake", "practitioner"]),
  /** Defaults to the IP and user agent of the request being served. */
  ip: z.union([z.ipv4(), z.ipv6()]).nullable().optional(),
  userAgent: z.string().max(CONSENT_LIMITS.userAgentMax).nullable().optional(),
});
export type AppendClientConsentRecord = z.input<typeof appendClientConsentRecord>;
export const appendClientConsentsInput = z.array(appendClientConsentRecord).min(1).max(20);

function requestNetwork(): { ip: string | null; userAgent: string | null } {
  const request = currentRequestContext();
  return {
    ip: request?.ip && request.ip !== "unknown" ? request.ip : null,
    userAgent: request?.userAgent ? request.userAgent.slice(0, CONSENT_LIMITS.userAgentMax) : null,
  };
}

function checkedDocument(current: ConsentDocument[], documentId: string): ConsentDocument {
  const document = current.find((candidate) => candidate.id === documentId);
  // Unknown, another practitioner's, or superseded: the client must see the current text again.
  if (!document) throw new AppError("conflict", "A consent document has changed; reload the form and review it again");
  return document;
}

/**
 * Records a client's consent decisions inside the caller's transaction (the intake submission runs
 * it with the client it has just created). Each document must be the practitioner's current version
 * of its kind; a kind appears at most once per client; required kinds cannot be declined. Writes one
 * audit event per record. Works under `withUserDb(userId)` and `withSystemDb`.
 */
export async function appendClientConsents(
  tx: DbTransaction,
  userId: string,
  records: AppendClientConsentRecord[],
): Promise<ClientConsent[]> {
  const result = appendClientConsentsInput.safeParse(records);
  if (!result.success) {
    throw new AppError("validation_failed", "Some consent answers are invalid", {
      details: z.treeifyError(result.error),
    });
  }
  const parsed = result.data;
  const current = await getCurrentConsentDocuments(tx, userId);
  const seen = new Set<string>();
  const network = requestNetwork();
  const written: ClientConsent[] = [];
  for (const record of parsed) {
    const document = checkedDocument(current, record.documentId);
    const key = `${record.contactId}:${document.kind}`;
    if (seen.has(key)) throw new AppError("validation_failed", "Each consent can be answered once");
    seen.add(key);
    if (record.decision === "declined" && isRequiredConsentKind(document.kind)) {
      throw new AppError("validation_failed", `${CONSENT_KIND_LABELS[document.kind]} consent is required`);
    }
    const [row] = await refusalsAsAppErrors(() =>
      tx
        .insert(clientConsents)
        .values({
          userId,
          contactId: record.contactId,
          documentId: document.id,
          documentHash: document.contentHash,
          kind: document.kind,
          decision: record.decision,
          signatureName: record.signatureName,
          signatureImage: record.signatureImage ?? null,
          source: record.source,
          ip: record.ip === undefined ? network.ip : record.ip,
          userAgent: record.userAgent === undefined ? network.userAgent : record.userAgent,
        })
        .returning(),
    );
    if (!row) throw new Error("the new consent record was not returned");
    await recordAuditEvent(tx, {
      userId,
      action: record.decision === "granted" ? "consent.granted" : "consent.declined",
      target: { type: "consent", id: row.id },
      metadata: { contactId: row.contactId, kind: row.kind, version: document.version, source: row.source },
    });
    written.push({
      id: row.id,
      contactId: row.contactId,
      kind: row.kind,
      decision: row.decision,
      documentId: row.documentId,
      documentHash: row.documentHash,
      documentVersion: document.version,
      documentTitle: document.title,
      signatureName: row.signatureName,
      signatureImage: row.signatureImage,
      source: row.source,
      ip: row.ip,
      userAgent: row.userAgent,
      recordedAt: row.recordedAt.toISOString(),
    });
  }
  return written;
}
