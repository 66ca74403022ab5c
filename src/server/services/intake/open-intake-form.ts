import { z } from "@/lib/zod";
import type { ConsentDocument } from "@/lib/contracts/consents";
import { withUserDb } from "@/server/db";
import { getCurrentConsentDocuments } from "@/server/services/consents";
import { findIntakeLink } from "./find-intake-link";

export const openIntakeFormInput = z.object({ token: z.string() });

/** What the public page renders: the practitioner's name and the consent texts the client answers. */
export interface IntakeFormView {
  practitionerName: string;
  consentDocuments: ConsentDocument[];
}

/** The form behind a live token, or null for any token that cannot be used (never saying why). */
export async function openIntakeForm(input: { token: string }): Promise<IntakeFormView | null> {
  const link = await findIntakeLink(input);
  if (!link) return null;
  // Once the token has resolved, reads act for its practitioner under their row level security.
  const consentDocuments = await withUserDb(link.userId, (tx) => getCurrentConsentDocuments(tx, link.userId));
  return { practitionerName: link.practitionerName, consentDocuments };
}
