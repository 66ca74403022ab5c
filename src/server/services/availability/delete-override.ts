import { and, eq } from "drizzle-orm";
import { overrideIdParams } from "@/lib/contracts/availability";
import { withUserDb } from "@/server/db";
import { availabilityOverrides } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "../contacts/context";

export { overrideIdParams as deleteOverrideParams };

/** `DELETE /api/availability/overrides/:id`: the date follows the weekly hours again. */
export async function deleteOverride(context: UserContext, input: { id: string }): Promise<void> {
  const deleted = await withUserDb(context.userId, async (tx) => {
    const rows = await tx
      .delete(availabilityOverrides)
      .where(and(eq(availabilityOverrides.userId, context.userId), eq(availabilityOverrides.id, input.id)))
      .returning({ id: availabilityOverrides.id });
    if (rows.length > 0)
      await recordAuditEvent(tx, {
        userId: context.userId,
        action: "settings.updated",
        metadata: { setting: "availability", change: "override_deleted", overrideId: input.id },
      });
    return rows;
  });
  if (deleted.length === 0) throw AppError.notFound("Override");
}
