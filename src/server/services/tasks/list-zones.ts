import type { Zone } from "@/lib/contracts/tasks";
import { withUserDb } from "@/server/db";
import type { UserContext } from "../contacts/context";
import { ensureDefaultZones, selectZones } from "./zone-row";

/** The practitioner's zones in their order, each with its open task count; the defaults on first use. */
export async function listZones(context: UserContext): Promise<{ items: Zone[] }> {
  return withUserDb(context.userId, async (tx) => {
    await ensureDefaultZones(tx, context.userId);
    return { items: await selectZones(tx, context.userId) };
  });
}
