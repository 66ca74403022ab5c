import type { AiBlockedReason } from "@/lib/contracts/ai";
import type { ErrorCode } from "@/lib/contracts/errors";
import { AI_SETUP_HINT } from "@/server/ai";
import { AppError } from "@/server/errors";

/** Why an AI feature cannot run, as the API answers it: the status and the sentence the practitioner reads. */
export const AI_BLOCKED: Record<AiBlockedReason, { code: ErrorCode; message: string }> = {
  not_configured: { code: "unavailable", message: `AI is not set up on this OmniCRM. ${AI_SETUP_HINT}` },
  disabled: { code: "forbidden", message: "AI is turned off for your account. Turn it on in Settings → AI." },
  notes_not_allowed: {
    code: "forbidden",
    message: "AI may not read your notes. Allow it under Settings → AI to summarise clients.",
  },
  consent_missing: {
    code: "forbidden",
    message:
      "This client has not agreed to AI-assisted processing, and your settings require it. They can agree on their next intake form, or you can change the consent policy in Settings → AI.",
  },
  consent_declined: {
    code: "forbidden",
    message: "This client declined or withdrew AI-assisted processing, so their notes are never sent to an AI service.",
  },
  quota_exhausted: {
    code: "rate_limited",
    message:
      "You have used this month's AI allowance. It starts again on the 1st of next month (UTC), or you can raise it in Settings → AI.",
  },
  no_notes: { code: "conflict", message: "This client has no notes to summarise yet." },
};

export function aiBlockedError(reason: AiBlockedReason, resetsAt?: string): AppError {
  const { code, message } = AI_BLOCKED[reason];
  const headers: Record<string, string> = {};
  if (reason === "quota_exhausted" && resetsAt) {
    headers["Retry-After"] = String(Math.max(1, Math.ceil((Date.parse(resetsAt) - Date.now()) / 1000)));
  }
  return new AppError(code, message, {
    details: { reason, ...(reason === "quota_exhausted" && resetsAt ? { resetsAt } : {}) },
    headers,
  });
}
