import { and, eq } from "drizzle-orm";
import { sessionTypeIdParams } from "@/lib/contracts/session-types";
import { withUserDb } from "@/server/db";
import { sessionTypes } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "../contacts/context";
import { refusalsAsAppErrors } from "../contacts/database-errors";

export { sessionTypeIdParams as deleteSessionTypeInput };

/** A type some appointment used cannot go (the appointments keep their history): archive it instead. */
const inUse = () => new AppError("conflict", "Appointments use this session type: archive it instead of deleting it");
/** ON DELETE RESTRICT reports restrict_violation (23001); a NO ACTION key would report 23503. */
const IN_USE = { "23001": inUse, "23503": inUse };

/** Deletes a session type no appointment has used. */
export async function deleteSessionType(context: UserContext, input: { id: string }): Promise<void> {
  const deleted = await refusalsAsAppErrors(
    () =>
      withUserDb(context.userId, async (tx) => {
        const rows = await tx
          .delete(sessionTypes)
          .where(and(eq(sessionTypes.userId, context.userId), eq(sessionTypes.id, input.id)))
          .returning({ id: sessionTypes.id });
        if (rows.length > 0)
          await recordAuditEvent(tx, {
            userId: context.userId,
            action: "settings.updated",
            metadata: { setting: "session_types", change: "deleted", sessionTypeId: input.id },
          });
        return rows;
      }),
    IN_USE,
  );
  if (deleted.length === 0) throw AppError.notFound("Session type");
}
