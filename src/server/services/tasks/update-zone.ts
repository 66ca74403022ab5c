import { and, eq } from "drizzle-orm";
import { updateZoneInput, type UpdateZoneInput, type Zone } from "@/lib/contracts/tasks";
import { withUserDb } from "@/server/db";
import { taskZones } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import type { UserContext } from "../contacts/context";
import { refusalsAsAppErrors } from "../contacts/database-errors";
import { selectZones, ZONE_NAME_TAKEN } from "./zone-row";

export { updateZoneInput };

export async function updateZone(context: UserContext, input: { id: string; changes: UpdateZoneInput }): Promise<Zone> {
  const changes = Object.fromEntries(Object.entries(input.changes).filter(([, value]) => value !== undefined));
  return refusalsAsAppErrors(
    () =>
      withUserDb(context.userId, async (tx) => {
        if (Object.keys(changes).length > 0)
          await tx
            .update(taskZones)
            .set(changes)
            .where(and(eq(taskZones.userId, context.userId), eq(taskZones.id, input.id)));
        const [zone] = await selectZones(tx, context.userId, input.id);
        if (!zone) throw AppError.notFound("Zone");
        return zone;
      }),
    ZONE_NAME_TAKEN,
  );
}
