import { and, eq, inArray, sql } from "drizzle-orm";
import { dismissDuplicateInput, type DismissDuplicateInput } from "@/lib/contracts/contact-duplicates";
import { withUserDb } from "@/server/db";
import { contacts } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "./context";
import { orderedPair } from "./duplicate-keys";

export { dismissDuplicateInput };

/**
 * Marks two of the caller's clients "not a duplicate", so neither suggests the other again (asking
 * twice is harmless). Either id not the caller's → 404 and nothing is written.
 */
export async function dismissDuplicate(
  context: UserContext,
  input: { id: string } & DismissDuplicateInput,
): Promise<void> {
  const { userId } = context;
  if (input.id === input.otherId)
    throw new AppError("validation_failed", "A client cannot be a duplicate of itself", {
      details: [{ path: "otherId", message: "Choose a different client" }],
    });
  await withUserDb(userId, async (tx) => {
    const found = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.userId, userId), inArray(contacts.id, [input.id, input.otherId])));
    if (found.length !== 2) throw AppError.notFound("Client");
    const [first, second] = orderedPair(input.id, input.otherId);
    await tx.execute(sql`
      insert into public.contact_duplicate_dismissals (user_id, contact_id, other_contact_id)
      values (${userId}, ${first}, ${second})
      on conflict do nothing`);
    await recordAuditEvent(tx, {
      userId,
      action: "client.duplicate_dismissed",
      target: { type: "client", id: input.id },
      metadata: { otherId: input.otherId },
    });
  });
}
