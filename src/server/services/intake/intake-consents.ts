import { z } from "@/lib/zod";
import { CONSENT_KIND_LABELS } from "@/lib/contracts/consents";
import type { IntakeSubmission } from "@/lib/contracts/intake";
import type { DbTransaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { appendClientConsents, getCurrentConsentDocuments } from "@/server/services/consents";

export const recordIntakeConsentsInput = z.object({ userId: z.uuid(), contactId: z.uuid() });

/**
 * Records the form's consent answers on the practitioner's current versions, in the submission's
 * transaction. Every current document needs an explicit answer and the required ones a "granted";
 * an answer to a superseded version is refused (409) so the client reviews the new text.
 */
export async function recordIntakeConsents(
  tx: DbTransaction,
  input: { userId: string; contactId: string; form: IntakeSubmission },
): Promise<{ granted: number; declined: number }> {
  const { userId, contactId, form } = input;
  const current = await getCurrentConsentDocuments(tx, userId);
  for (const document of current) {
    const answer = form.consents.find((consent) => consent.documentId === document.id);
    if (document.required && !answer?.granted) {
      throw consentError(`${CONSENT_KIND_LABELS[document.kind]} consent is required to submit the form`);
    }
    if (!answer) throw consentError(`Choose whether you agree to ${CONSENT_KIND_LABELS[document.kind]}`);
  }
  const written = await appendClientConsents(
    tx,
    userId,
    form.consents.map((consent) => ({
      contactId,
      documentId: consent.documentId,
      decision: consent.granted ? "granted" : "declined",
      signatureName: form.signature.typedName,
      signatureImage: form.signature.drawn ?? null,
      source: "intake",
    })),
  );
  const granted = written.filter((record) => record.decision === "granted").length;
  return { granted, declined: written.length - granted };
}

function consentError(message: string): AppError {
  return new AppError("validation_failed", message, { details: [{ path: "consents", message }] });
}
