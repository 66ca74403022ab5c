import { sql } from "drizzle-orm";
import { updateAiSettingsInput, type AiSettings, type AiUsage, type UpdateAiSettingsInput } from "@/lib/contracts/ai";
import { AI_SETUP_HINT, aiConfig } from "@/server/ai";
import { withUserDb } from "@/server/db";
import { aiSettings } from "@/server/db/schema";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "@/server/services/contacts";
import { readAiSettings, type StoredAiSettings } from "./ai-settings-row";
import { readMonthUsage, readUsageHistory } from "./ai-usage-ledger";

export { updateAiSettingsInput };

function response(stored: StoredAiSettings): AiSettings {
  const configured = aiConfig().configured;
  return { configured, setupHint: configured ? null : AI_SETUP_HINT, ...stored };
}

/** Settings → AI: the practitioner's switches (defaults until first saved) and whether a provider is configured. */
export async function getAiSettings(context: UserContext): Promise<AiSettings> {
  return response(await withUserDb(context.userId, (tx) => readAiSettings(tx, context.userId)));
}

/** Saves the fields given; audited as `settings.updated` with the names of the fields that changed. */
export async function updateAiSettings(context: UserContext, input: UpdateAiSettingsInput): Promise<AiSettings> {
  const { userId } = context;
  return response(
    await withUserDb(userId, async (tx) => {
      const before = await readAiSettings(tx, userId);
      const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
      const next: StoredAiSettings = { ...before, ...given };
      const changed = (Object.keys(given) as (keyof StoredAiSettings)[]).filter((key) => before[key] !== next[key]);
      if (changed.length === 0) return before;
      await tx
        .insert(aiSettings)
        .values({ userId, ...next })
        .onConflictDoUpdate({ target: aiSettings.userId, set: { ...next, updatedAt: sql`now()` } });
      await recordAuditEvent(tx, {
        userId,
        action: "settings.updated",
        metadata: { setting: "ai", fields: changed.sort().join(",") },
      });
      return next;
    }),
  );
}

/** This month's tokens against the quota, and the last twelve months. */
export async function getAiUsage(context: UserContext): Promise<AiUsage> {
  const { userId } = context;
  return withUserDb(userId, async (tx) => {
    const settings = await readAiSettings(tx, userId);
    const month = await readMonthUsage(tx, userId);
    return {
      quota: settings.monthlyTokenQuota,
      used: month.used,
      remaining: Math.max(0, settings.monthlyTokenQuota - month.used),
      resetsAt: month.resetsAt,
      history: await readUsageHistory(tx, userId),
    };
  });
}
