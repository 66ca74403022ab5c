import { eq } from "drizzle-orm";
import { AI_DEFAULT_MONTHLY_TOKEN_QUOTA, type AiConsentPolicy } from "@/lib/contracts/ai";
import type { DbExecutor } from "@/server/db";
import { aiSettings } from "@/server/db/schema";

export interface StoredAiSettings {
  enabled: boolean;
  readNotes: boolean;
  consentPolicy: AiConsentPolicy;
  monthlyTokenQuota: number;
}

/** What a practitioner who never saved Settings → AI has: AI off (notes are health information), consent required. */
export const DEFAULT_AI_SETTINGS: StoredAiSettings = {
  enabled: false,
  readNotes: true,
  consentPolicy: "require_consent",
  monthlyTokenQuota: AI_DEFAULT_MONTHLY_TOKEN_QUOTA,
};

export async function readAiSettings(db: DbExecutor, userId: string): Promise<StoredAiSettings> {
  const [row] = await db
    .select({
      enabled: aiSettings.enabled,
      readNotes: aiSettings.readNotes,
      consentPolicy: aiSettings.consentPolicy,
      monthlyTokenQuota: aiSettings.monthlyTokenQuota,
    })
    .from(aiSettings)
    .where(eq(aiSettings.userId, userId));
  return row ?? DEFAULT_AI_SETTINGS;
}
