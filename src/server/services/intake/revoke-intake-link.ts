import { sql } from "drizzle-orm";
import { intakeLinkIdParams, type IntakeLink } from "@/lib/contracts/intake";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "@/server/services/contacts/context";
import { INTAKE_LINK_COLUMNS } from "./intake-link-row";

export const revokeIntakeLinkInput = intakeLinkIdParams;

/** Revokes one of the caller's links (idempotent: a revoked link keeps its first revocation time). */
export async function revokeIntakeLink(context: UserContext, input: { id: string }): Promise<IntakeLink> {
  return withUserDb(context.userId, async (tx) => {
    const [link] = resultRows<IntakeLink>(
      await tx.execute(sql`
        update public.intake_links
           set revoked_at = coalesce(revoked_at, now())
         where id = ${input.id} and user_id = ${context.userId}
        returning ${INTAKE_LINK_COLUMNS}`),
    );
    if (!link) throw AppError.notFound("Intake link");
    await recordAuditEvent(tx, {
      userId: context.userId,
      action: "intake_link.revoked",
      target: { type: "intake_link", id: link.id },
    });
    return link;
  });
}
