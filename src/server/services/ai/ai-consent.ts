import { sql } from "drizzle-orm";
import type { AiConsentPolicy } from "@/lib/contracts/ai";
import type { ConsentDecision } from "@/lib/contracts/consents";
import type { DbExecutor } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";

/** The client's latest answer to the AI-assisted processing consent, or null when they never gave one. */
export async function readAiConsent(
  db: DbExecutor,
  userId: string,
  contactId: string,
): Promise<ConsentDecision | null> {
  const [row] = resultRows<{ decision: ConsentDecision }>(
    await db.execute(sql`
      select decision from public.client_consents
       where user_id = ${userId} and contact_id = ${contactId} and kind = 'ai_processing'
       order by recorded_at desc, id desc
       limit 1`),
  );
  return row?.decision ?? null;
}

/**
 * Whether a client's data may reach a prompt: a decline or withdrawal always keeps it out; no answer
 * at all lets it in only under "allow unless declined".
 */
export function aiConsentVerdict(
  decision: ConsentDecision | null,
  policy: AiConsentPolicy,
): "allowed" | "consent_missing" | "consent_declined" {
  if (decision === "granted") return "allowed";
  if (decision === "declined" || decision === "withdrawn") return "consent_declined";
  return policy === "allow_unless_declined" ? "allowed" : "consent_missing";
}
