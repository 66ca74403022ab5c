import type { AvailabilityResponse } from "@/lib/contracts/availability";
import { withUserDb } from "@/server/db";
import type { UserContext } from "../contacts/context";
import { selectAvailability } from "./availability-rows";

/** `GET /api/availability`: the week (Monday to Friday 9:00–17:00 until saved), the daily limit and the zone. */
export async function getAvailability(context: UserContext): Promise<AvailabilityResponse> {
  return { availability: await withUserDb(context.userId, (tx) => selectAvailability(tx, context.userId)) };
}
