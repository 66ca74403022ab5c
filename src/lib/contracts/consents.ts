import { z } from "@/lib/zod";
import { plainText } from "./contacts";

/**
 * Contracts for consent documents (`/api/consent-documents`) and client consent records
 * (`/api/contacts/:id/consents`), shared by the routes, Settings, the client page and the intake form.
 */

/** The fixed kinds, in the order forms show them; the database refuses any other (0008, 0026). */
export const CONSENT_KINDS = [
  "data_processing",
  "marketing",
  "photography",
  "health_information_sharing",
  "ai_processing",
] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];
export const consentKindSchema = z.enum(CONSENT_KINDS);

/** Only data processing is required: without it the practitioner cannot hold the client's record. */
export const REQUIRED_CONSENT_KINDS: readonly ConsentKind[] = ["data_processing"];
export const isRequiredConsentKind = (kind: ConsentKind): boolean => REQUIRED_CONSENT_KINDS.includes(kind);

export const CONSENT_KIND_LABELS: Record<ConsentKind, string> = {
  data_processing: "Data processing",
  marketing: "Marketing",
  photography: "Photography",
  health_information_sharing: "Health information sharing",
  ai_processing: "AI-assisted processing",
};

export const CONSENT_DECISIONS = ["granted", "declined", "withdrawn"] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];

export const CONSENT_SOURCES = ["intake", "practitioner"] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

export const CONSENT_LIMITS = {
  titleMax: 200,
  bodyMax: 20_000,
  signatureNameMax: 200,
  /** Characters of the drawn signature's data URL (about 150 kB of PNG). */
  signatureImageMax: 200_000,
  userAgentMax: 512,
} as const;

export const SIGNATURE_IMAGE_PREFIX = "data:image/png;base64,";

/** A drawn signature: a base64 PNG data URL of bounded size. */
export const signatureImageSchema = z
  .string()
  .max(CONSENT_LIMITS.signatureImageMax, { message: "The drawn signature is too large" })
  .refine(
    (value) =>
      value.startsWith(SIGNATURE_IMAGE_PREFIX) &&
      /^[A-Za-z0-9+/]+={0,2}$/.test(value.slice(SIGNATURE_IMAGE_PREFIX.length)),
    { message: "The drawn signature must be a PNG image" },
  );

export const signatureNameSchema = plainText(CONSENT_LIMITS.signatureNameMax).min(1, {
  message: "Type your full name to sign",
});

export const publishConsentDocumentInput = z.object({
  kind: consentKindSchema,
  title: plainText(CONSENT_LIMITS.titleMax).min(1, { message: "Give the document a title" }),
  // Not trimmed: the hash covers the exact text the client is shown.
  body: z
    .string()
    .max(CONSENT_LIMITS.bodyMax, { message: `Use at most ${CONSENT_LIMITS.bodyMax} characters` })
    .refine((value) => value.trim().length > 0, { message: "The document needs some text" })
    .refine((value) => !value.includes("\u0000"), { message: "Contains a character that is not allowed" }),
});
export type PublishConsentDocumentInput = z.infer<typeof publishConsentDocumentInput>;

export const consentKindParams = z.object({ kind: consentKindSchema });

export const withdrawConsentInput = z.object({ kind: consentKindSchema });
export type WithdrawConsentInput = z.infer<typeof withdrawConsentInput>;

export const consentRecordParams = z.object({ id: z.uuid(), consentId: z.uuid() });

/** One published version of a consent document. */
export const consentDocumentSchema = z.object({
  id: z.uuid(),
  kind: consentKindSchema,
  version: z.number().int().positive(),
  title: z.string(),
  body: z.string(),
  contentHash: z.string(),
  required: z.boolean(),
  createdAt: z.string(),
});
export type ConsentDocument = z.infer<typeof consentDocumentSchema>;

export const consentDocumentListResponse = z.object({ documents: z.array(consentDocumentSchema) });
export const consentDocumentVersionsResponse = z.object({ versions: z.array(consentDocumentSchema) });

/** One entry of a client's consent history, with the version it refers to. */
export const clientConsentSchema = z.object({
  id: z.uuid(),
  contactId: z.uuid(),
  kind: consentKindSchema,
  decision: z.enum(CONSENT_DECISIONS),
  documentId: z.uuid(),
  documentHash: z.string(),
  documentVersion: z.number().int().positive(),
  documentTitle: z.string(),
  signatureName: z.string().nullable(),
  signatureImage: z.string().nullable(),
  source: z.enum(CONSENT_SOURCES),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  recordedAt: z.string(),
});
export type ClientConsent = z.infer<typeof clientConsentSchema>;

export const clientConsentListResponse = z.object({ consents: z.array(clientConsentSchema) });

/** A consent record with the full text of the version it refers to, for the printable view. */
export const clientConsentDetailSchema = clientConsentSchema.extend({ documentBody: z.string() });
export type ClientConsentDetail = z.infer<typeof clientConsentDetailSchema>;

/**
 * Where each kind stands for one client: the latest record decides. `null` when the client never
 * answered that kind (for example a client added by hand, or a kind added after their intake).
 */
export function currentConsentDecisions(history: ClientConsent[]): Record<ConsentKind, ClientConsent | null> {
  const latest = Object.fromEntries(CONSENT_KINDS.map((kind) => [kind, null])) as Record<
    ConsentKind,
    ClientConsent | null
  >;
  // History is newest first, so the first record of a kind is its current state.
  for (const record of history) latest[record.kind] ??= record;
  return latest;
}
