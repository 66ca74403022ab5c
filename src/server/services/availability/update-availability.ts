import { eq, sql } from "drizzle-orm";
import {
  updateAvailabilityInput,
  WEEKDAYS,
  type AvailabilityResponse,
  type UpdateAvailabilityInput,
} from "@/lib/contracts/availability";
import { withUserDb } from "@/server/db";
import { availabilitySettings, availabilityWeeklyRanges } from "@/server/db/schema";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "../contacts/context";
import { selectAvailability, weekdayNumber } from "./availability-rows";

export { updateAvailabilityInput };

/** `PUT /api/availability`: replaces the whole week and the daily limit. */
export async function updateAvailability(
  context: UserContext,
  input: UpdateAvailabilityInput,
): Promise<AvailabilityResponse> {
  const { userId } = context;
  return {
    availability: await withUserDb(userId, async (tx) => {
      await tx
        .insert(availabilitySettings)
        .values({ userId, dailyBookingLimit: input.dailyBookingLimit })
        .onConflictDoUpdate({
          target: availabilitySettings.userId,
          set: { dailyBookingLimit: input.dailyBookingLimit, updatedAt: sql`now()` },
        });
      await tx.delete(availabilityWeeklyRanges).where(eq(availabilityWeeklyRanges.userId, userId));
      const rows = WEEKDAYS.flatMap((day) =>
        input.weeklyHours[day].map((range) => ({
          userId,
          weekday: weekdayNumber(day),
          startMinute: range.start,
          endMinute: range.end,
        })),
      );
      if (rows.length > 0) await tx.insert(availabilityWeeklyRanges).values(rows);
      await recordAuditEvent(tx, {
        userId,
        action: "settings.updated",
        metadata: { setting: "availability", change: "hours", ranges: rows.length },
      });
      return selectAvailability(tx, userId);
    }),
  };
}
