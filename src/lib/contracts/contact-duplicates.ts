import { z } from "@/lib/zod";
import { CONTACT_SOURCES } from "./contacts";

/** Contracts for `/api/contacts/duplicates`, `/api/contacts/:id/duplicates` and the "not a duplicate" dismissal. */

/** Why two clients look like one person. */
export const DUPLICATE_REASONS = ["email", "phone", "name"] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** How each reason reads in a sentence ("Possible duplicate: Sam Lee (same email)"). */
export const DUPLICATE_REASON_LABELS: Record<DuplicateReason, string> = {
  email: "same email",
  phone: "same phone",
  name: "similar name",
};

/** A client as a duplicate suggestion shows it: enough to tell the two apart, no health details. */
export const duplicateClientSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  source: z.enum(CONTACT_SOURCES),
  createdAt: z.string(),
});
export type DuplicateClient = z.infer<typeof duplicateClientSchema>;

/** `GET /api/contacts/:id/duplicates`: other clients who may be the same person, strongest first. */
export const contactDuplicatesResponse = z.object({
  duplicates: z.array(z.object({ contact: duplicateClientSchema, reasons: z.array(z.enum(DUPLICATE_REASONS)) })),
});
export type ContactDuplicatesResponse = z.infer<typeof contactDuplicatesResponse>;

export const DUPLICATE_PAIRS_MAX = 100;

/** `GET /api/contacts/duplicates?limit=`: the practitioner's likely pairs, strongest first, at most `limit`. */
export const listDuplicatePairsInput = z.strictObject({
  limit: z.coerce.number().int().min(1).max(DUPLICATE_PAIRS_MAX).default(50),
});
export type ListDuplicatePairsInput = z.output<typeof listDuplicatePairsInput>;

export const duplicatePairSchema = z.object({
  /** The older of the two records (kept by default when merging). */
  contact: duplicateClientSchema,
  other: duplicateClientSchema,
  reasons: z.array(z.enum(DUPLICATE_REASONS)),
});
export type DuplicatePair = z.infer<typeof duplicatePairSchema>;

export const duplicatePairsResponse = z.object({
  pairs: z.array(duplicatePairSchema),
  /** More pairs exist than were listed: merging or dismissing these brings the next ones up. */
  hasMore: z.boolean(),
});
export type DuplicatePairsResponse = z.infer<typeof duplicatePairsResponse>;

/** `POST /api/contacts/:id/duplicates/dismissals`: `otherId` and `:id` are not the same person. */
export const dismissDuplicateInput = z.strictObject({ otherId: z.uuid() });
export type DismissDuplicateInput = z.output<typeof dismissDuplicateInput>;
