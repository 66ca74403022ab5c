import { and, desc, eq } from "drizzle-orm";
import {
  CONSENT_KIND_LABELS,
  CONSENT_LIMITS,
  withdrawConsentInput,
  type ClientConsent,
  type WithdrawConsentInput,
} from "@/lib/contracts/consents";
import { contactIdParams } from "@/lib/contracts/contacts";
import { withUserDb } from "@/server/db";
import { clientConsents, contacts } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { currentRequestContext } from "@/server/observability/request-context";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "@/server/services/contacts";
import { readClientConsents } from "./list-client-consents";

export { contactIdParams as withdrawClientConsentParams, withdrawConsentInput as withdrawClientConsentInput };

/**
 * Records that the client withdrew a consent they had granted: a new 'withdrawn' record naming the
 * version they had agreed to. Nothing earlier changes. Refused when the consent is not in force.
 */
export async function withdrawClientConsent(
  context: UserContext,
  input: { contactId: string } & WithdrawConsentInput,
): Promise<ClientConsent> {
  const { userId } = context;
  return withUserDb(userId, async (tx) => {
    // Locking the client serialises withdrawals, so two clicks cannot record two withdrawals.
    const [client] = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.userId, userId), eq(contacts.id, input.contactId)))
      .for("update");
    if (!client) throw AppError.notFound("Client");

    const [latest] = await tx
      .select({
        documentId: clientConsents.documentId,
        documentHash: clientConsents.documentHash,
        decision: clientConsents.decision,
      })
      .from(clientConsents)
      .where(
        and(
          eq(clientConsents.userId, userId),
          eq(clientConsents.contactId, input.contactId),
          eq(clientConsents.kind, input.kind),
        ),
      )
      .orderBy(desc(clientConsents.recordedAt), desc(clientConsents.id))
      .limit(1);
    if (latest?.decision !== "granted") {
      throw new AppError("conflict", `${CONSENT_KIND_LABELS[input.kind]} consent is not currently granted`);
    }

    const request = currentRequestContext();
    const [row] = await tx
      .insert(clientConsents)
      .values({
        userId,
        contactId: input.contactId,
        documentId: latest.documentId,
        documentHash: latest.documentHash,
        kind: input.kind,
        decision: "withdrawn",
        signatureName: null,
        source: "practitioner",
        ip: request?.ip && request.ip !== "unknown" ? request.ip : null,
        userAgent: request?.userAgent ? request.userAgent.slice(0, CONSENT_LIMITS.userAgentMax) : null,
      })
      .returning({ id: clientConsents.id });
    if (!row) throw new Error("the withdrawal was not returned");
    await recordAuditEvent(tx, {
      userId,
      action: "consent.withdrawn",
      target: { type: "consent", id: row.id },
      metadata: { contactId: input.contactId, kind: input.kind },
    });
    const history = await readClientConsents(tx, userId, input.contactId);
    const withdrawal = history.find((record) => record.id === row.id);
    if (!withdrawal) throw new Error("the withdrawal is missing from the history");
    return withdrawal;
  });
}
