import { createSessionTypeInput, type CreateSessionTypeInput, type SessionType } from "@/lib/contracts/session-types";
import { withUserDb } from "@/server/db";
import { sessionTypes } from "@/server/db/schema";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "../contacts/context";
import { refusalsAsAppErrors } from "../contacts/database-errors";
import { priceToMinor, toSessionType } from "./session-type-row";

export { createSessionTypeInput };

/** Adds a session type; what is not given takes the table's defaults (no buffers, 60 days ahead, in person). */
export async function createSessionType(context: UserContext, input: CreateSessionTypeInput): Promise<SessionType> {
  return refusalsAsAppErrors(() =>
    withUserDb(context.userId, async (tx) => {
      const { price, archived, ...rest } = input;
      const values = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
      const [row] = await tx
        .insert(sessionTypes)
        .values({
          ...values,
          name: input.name,
          durationMinutes: input.durationMinutes,
          userId: context.userId,
          priceMinor: priceToMinor(price ?? null),
          currency: input.currency ?? null,
          archivedAt: archived ? new Date() : null,
        })
        .returning();
      if (!row) throw new Error("a created session type could not be read back");
      await recordAuditEvent(tx, {
        userId: context.userId,
        action: "settings.updated",
        metadata: { setting: "session_types", change: "created", sessionTypeId: row.id },
      });
      return toSessionType(row);
    }),
  );
}
