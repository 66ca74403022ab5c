import { and, eq, sql } from "drizzle-orm";
import {
  sessionTypeIdParams,
  updateSessionTypeInput,
  type SessionType,
  type UpdateSessionTypeInput,
} from "@/lib/contracts/session-types";
import { withUserDb } from "@/server/db";
import { sessionTypes } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "../contacts/context";
import { refusalsAsAppErrors } from "../contacts/database-errors";
import { priceToMinor, selectSessionTypes } from "./session-type-row";

export { updateSessionTypeInput, sessionTypeIdParams as updateSessionTypeParams };

/**
 * Changes the fields sent. Appointments already booked keep the times and buffers they were booked
 * with; `archived` takes the type off the pickers without touching its appointments.
 */
export async function updateSessionType(
  context: UserContext,
  input: { id: string; changes: UpdateSessionTypeInput },
): Promise<SessionType> {
  const { price, archived, ...rest } = input.changes;
  const changes: Partial<typeof sessionTypes.$inferInsert> = Object.fromEntries(
    Object.entries(rest).filter(([, value]) => value !== undefined),
  );
  if (price !== undefined) changes.priceMinor = priceToMinor(price);
  const fields = Object.keys(input.changes).filter(
    (key) => input.changes[key as keyof UpdateSessionTypeInput] !== undefined,
  );
  return refusalsAsAppErrors(() =>
    withUserDb(context.userId, async (tx) => {
      if (fields.length > 0) {
        await tx
          .update(sessionTypes)
          .set({
            ...changes,
            ...(archived === undefined
              ? {}
              : { archivedAt: archived ? sql`coalesce(${sessionTypes.archivedAt}, now())` : null }),
            updatedAt: new Date(),
          })
          .where(and(eq(sessionTypes.userId, context.userId), eq(sessionTypes.id, input.id)));
      }
      const [sessionType] = await selectSessionTypes(tx, context.userId, input.id);
      if (!sessionType) throw AppError.notFound("Session type");
      if (fields.length > 0)
        await recordAuditEvent(tx, {
          userId: context.userId,
          action: "settings.updated",
          metadata: {
            setting: "session_types",
            change: "updated",
            sessionTypeId: sessionType.id,
            fields: fields.sort().join(","),
          },
        });
      return sessionType;
    }),
  );
}
