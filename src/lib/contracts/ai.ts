import { z } from "@/lib/zod";

/**
 * Contracts of the AI features: Settings → AI (`/api/ai/settings`, `/api/ai/usage`) and the client
 * summary (`/api/contacts/:id/summary`), shared by the routes and the components.
 */

export const AI_CONSENT_POLICIES = ["require_consent", "allow_unless_declined"] as const;
export type AiConsentPolicy = (typeof AI_CONSENT_POLICIES)[number];

export const AI_CONSENT_POLICY_LABELS: Record<AiConsentPolicy, string> = {
  require_consent: "Only clients who agreed to AI-assisted processing",
  allow_unless_declined: "Every client except those who declined or withdrew it",
};

/** A month of a busy practice's summaries (a summary of a long history is a few thousand tokens). */
export const AI_DEFAULT_MONTHLY_TOKEN_QUOTA = 200_000;
export const AI_MONTHLY_TOKEN_QUOTA_MAX = 10_000_000;

/** Each AI feature, as the usage ledger and the audit log name it. */
export const AI_FEATURES = { client_summary: "Client summary" } as const;
export type AiFeature = keyof typeof AI_FEATURES;

export const aiSettingsSchema = z.object({
  /** Whether this OmniCRM has a provider configured at all (AI_BASE_URL and AI_CHAT_MODEL). */
  configured: z.boolean(),
  /** How to configure one, while not configured. */
  setupHint: z.string().nullable(),
  enabled: z.boolean(),
  readNotes: z.boolean(),
  consentPolicy: z.enum(AI_CONSENT_POLICIES),
  monthlyTokenQuota: z.number().int(),
});
export type AiSettings = z.infer<typeof aiSettingsSchema>;

export const updateAiSettingsInput = z.strictObject({
  enabled: z.boolean().optional(),
  readNotes: z.boolean().optional(),
  consentPolicy: z.enum(AI_CONSENT_POLICIES).optional(),
  monthlyTokenQuota: z
    .number({ message: "Enter a whole number of tokens" })
    .int({ message: "Enter a whole number of tokens" })
    .min(0, { message: "Use 0 or more tokens" })
    .max(AI_MONTHLY_TOKEN_QUOTA_MAX, { message: "Use at most 10,000,000 tokens" })
    .optional(),
});
export type UpdateAiSettingsInput = z.infer<typeof updateAiSettingsInput>;

export const aiUsageMonthSchema = z.object({
  /** `yyyy-mm`, in UTC: quotas run by calendar month in UTC. */
  month: z.string(),
  calls: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  totalTokens: z.number().int(),
});
export type AiUsageMonth = z.infer<typeof aiUsageMonthSchema>;

export const aiUsageResponse = z.object({
  quota: z.number().int(),
  used: z.number().int(),
  remaining: z.number().int(),
  /** When the month's count starts again (ISO 8601, UTC). */
  resetsAt: z.string(),
  /** The last twelve months with any use, newest first. */
  history: z.array(aiUsageMonthSchema),
});
export type AiUsage = z.infer<typeof aiUsageResponse>;

/** Why an AI feature cannot run for a client right now; each has a sentence the UI shows. */
export const AI_BLOCKED_REASONS = [
  "not_configured",
  "disabled",
  "notes_not_allowed",
  "consent_missing",
  "consent_declined",
  "quota_exhausted",
  "no_notes",
] as const;
export type AiBlockedReason = (typeof AI_BLOCKED_REASONS)[number];

export const clientSummaryStatusResponse = z.object({
  available: z.boolean(),
  reason: z.enum(AI_BLOCKED_REASONS).nullable(),
  /** What to do about it, in the practitioner's words; null when available. */
  message: z.string().nullable(),
});
export type ClientSummaryStatus = z.infer<typeof clientSummaryStatusResponse>;

export const clientSummaryResponse = z.object({
  /** The answer with the client's details restored; never stored in the record. */
  summary: z.string(),
  generatedAt: z.string(),
  model: z.string(),
  notesRead: z.number().int(),
  /** Older notes left out to keep the prompt within its budget. */
  notesLeftOut: z.number().int(),
  totalTokens: z.number().int(),
  quota: z.object({ used: z.number().int(), limit: z.number().int() }),
});
export type ClientSummary = z.infer<typeof clientSummaryResponse>;
