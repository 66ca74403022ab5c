import { z } from "@/lib/zod";
import type { ClientSummary } from "@/lib/contracts/ai";
import { createRedactor, estimateTokens, generateChat, type ChatAnswer } from "@/server/ai";
import { withUserDb } from "@/server/db";
import { isAppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "@/server/services/contacts";
import { aiBlockedError } from "./ai-blocked";
import { readMonthUsage, recordUsage } from "./ai-usage-ledger";
import { outputBudget, readSummaryMaterial } from "./summary-material";
import { SUMMARY_SYSTEM_PROMPT, summaryPrompt } from "./summary-prompt";

export const summariseClientParams = z.object({ id: z.uuid() });

/**
 * A summary of one client's notes, made by the configured AI provider. In order: the switches, the
 * client's AI consent and the month's quota are checked and the notes read (one transaction); the
 * prompt is redacted; the provider is called outside any transaction; the usage and an audit event
 * (the client's id, note count and tokens, never text) are written; the answer comes back with the
 * client's details restored. The summary is not stored: it is never part of the clinical record.
 */
export async function summariseClient(context: UserContext, contactId: string): Promise<ClientSummary> {
  const { userId } = context;
  const material = await withUserDb(userId, (tx) => readSummaryMaterial(tx, userId, contactId));
  if (material.blocked) throw aiBlockedError(material.blocked, material.usage.resetsAt);

  const redactor = createRedactor([material.subject]);
  const prompt = summaryPrompt(material.notes, redactor);
  const promptTokens = estimateTokens(SUMMARY_SYSTEM_PROMPT + prompt);
  const audited = { feature: "client_summary", clientIds: [contactId], notesRead: material.notes.length };

  let answer: ChatAnswer;
  try {
    answer = await generateChat({
      system: SUMMARY_SYSTEM_PROMPT,
      prompt,
      maxOutputTokens: outputBudget(material, promptTokens),
    });
  } catch (error) {
    const details: unknown = isAppError(error) ? error.details : undefined;
    const reason =
      typeof details === "object" && details !== null && "reason" in details && typeof details.reason === "string"
        ? details.reason
        : "unknown";
    await withUserDb(userId, (tx) =>
      recordAuditEvent(tx, {
        userId,
        action: "ai.call_failed",
        target: { type: "client", id: contactId },
        metadata: { ...audited, reason },
      }),
    );
    throw error;
  }

  const used = await withUserDb(userId, async (tx) => {
    await recordUsage(tx, { userId, feature: "client_summary", model: answer.model, usage: answer.usage });
    await recordAuditEvent(tx, {
      userId,
      action: "ai.client_summary",
      target: { type: "client", id: contactId },
      metadata: {
        ...audited,
        model: answer.model,
        inputTokens: answer.usage.inputTokens,
        outputTokens: answer.usage.outputTokens,
        totalTokens: answer.usage.totalTokens,
      },
    });
    return (await readMonthUsage(tx, userId)).used;
  });

  return {
    summary: redactor.restore(answer.text).trim(),
    generatedAt: new Date().toISOString(),
    model: answer.model,
    notesRead: material.notes.length,
    notesLeftOut: material.notesLeftOut,
    totalTokens: answer.usage.totalTokens,
    quota: { used, limit: material.settings.monthlyTokenQuota },
  };
}
