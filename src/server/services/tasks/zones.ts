import { and, eq, sql } from "drizzle-orm";
import {
  createZoneInput,
  updateZoneInput,
  type CreateZoneInput,
  type UpdateZoneInput,
  type Zone,
} from "@/lib/contracts/tasks";
import { withUserDb } from "@/server/db";
import { taskZones } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import type { UserContext } from "../contacts/context";
import { refusalsAsAppErrors } from "../contacts/database-errors";
import { ensureDefaultZones, selectZones, ZONE_NAME_TAKEN } from "./zone-row";

export { createZoneInput, updateZoneInput };

/** The practitioner's zones in their order, each with its open task count; the defaults on first use. */
export async function listZones(context: UserContext): Promise<{ items: Zone[] }> {
  return withUserDb(context.userId, async (tx) => {
    await ensureDefaultZones(tx, context.userId);
    return { items: await selectZones(tx, context.userId) };
  });
}

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

/** Deletes a zone; its tasks stay, in no zone. */
export async function deleteZone(context: UserContext, input: { id: string }): Promise<void> {
  const deleted = await withUserDb(context.userId, async (tx) => {
    await tx.execute(sql`update public.tasks set zone_id = null, updated_at = now()
                          where user_id = ${context.userId} and zone_id = ${input.id}`);
    return tx
      .delete(taskZones)
      .where(and(eq(taskZones.userId, context.userId), eq(taskZones.id, input.id)))
      .returning({ id: taskZones.id });
  });
  if (deleted.length === 0) throw AppError.notFound("Zone");
}
