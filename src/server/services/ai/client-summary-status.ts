import type { ClientSummaryStatus } from "@/lib/contracts/ai";
import { withUserDb } from "@/server/db";
import type { UserContext } from "@/server/services/contacts";
import { AI_BLOCKED } from "./ai-blocked";
import { readSummaryMaterial } from "./summary-material";

/** Whether "Summarise" can run for this client now, and if not, why and what to do: no provider call. */
export async function getClientSummaryStatus(context: UserContext, contactId: string): Promise<ClientSummaryStatus> {
  const { blocked } = await withUserDb(context.userId, (tx) => readSummaryMaterial(tx, context.userId, contactId));
  return blocked
    ? { available: false, reason: blocked, message: AI_BLOCKED[blocked].message }
    : { available: true, reason: null, message: null };
}
