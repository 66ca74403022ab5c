import { and, eq, sql } from "drizzle-orm";
import { withUserDb } from "@/server/db";
import { taskZones } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import type { UserContext } from "../contacts/context";

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
