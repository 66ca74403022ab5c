import { sql } from "drizzle-orm";
import { createZoneInput, type CreateZoneInput, type Zone } from "@/lib/contracts/tasks";
import { withUserDb } from "@/server/db";
import { taskZones } from "@/server/db/schema";
import type { UserContext } from "../contacts/context";
import { refusalsAsAppErrors } from "../contacts/database-errors";
import { ensureDefaultZones, selectZones, ZONE_NAME_TAKEN } from "./zone-row";

export { createZoneInput };

export async function createZone(context: UserContext, input: CreateZoneInput): Promise<Zone> {
  return refusalsAsAppErrors(
    () =>
      withUserDb(context.userId, async (tx) => {
        await ensureDefaultZones(tx, context.userId);
        const [created] = await tx
          .insert(taskZones)
          .values({
            userId: context.userId,
            name: input.name,
            color: input.color ?? "#64748b",
            sortOrder:
              input.sortOrder ??
              sql`coalesce((select max(sort_order) + 1 from public.task_zones where user_id = ${context.userId}), 0)`,
          })
          .returning({ id: taskZones.id });
        const [zone] = created ? await selectZones(tx, context.userId, created.id) : [];
        if (!zone) throw new Error("a created zone could not be read back");
        return zone;
      }),
    ZONE_NAME_TAKEN,
  );
}
