import { and, asc, eq, gte, lte } from "drizzle-orm";
import {
  DEFAULT_WEEKLY_HOURS,
  WEEKDAYS,
  type Availability,
  type AvailabilityOverride,
  type WeeklyHours,
} from "@/lib/contracts/availability";
import type { DbExecutor } from "@/server/db";
import { availabilityOverrides, availabilitySettings, availabilityWeeklyRanges, profiles } from "@/server/db/schema";

/** Monday is 1 … Sunday 7, as the table stores them. */
export const weekdayNumber = (weekday: (typeof WEEKDAYS)[number]) => WEEKDAYS.indexOf(weekday) + 1;

/** The practitioner's saved week and limit, or the default week; with the profile's zone. */
export async function selectAvailability(tx: DbExecutor, userId: string): Promise<Availability> {
  const [settings] = await tx
    .select({ dailyBookingLimit: availabilitySettings.dailyBookingLimit })
    .from(availabilitySettings)
    .where(eq(availabilitySettings.userId, userId));
  const [profile] = await tx.select({ timeZone: profiles.timeZone }).from(profiles).where(eq(profiles.userId, userId));
  const timeZone = profile?.timeZone ?? null;
  if (!settings) return { weeklyHours: DEFAULT_WEEKLY_HOURS, dailyBookingLimit: null, timeZone, isDefault: true };
  const rows = await tx
    .select({
      weekday: availabilityWeeklyRanges.weekday,
      start: availabilityWeeklyRanges.startMinute,
      end: availabilityWeeklyRanges.endMinute,
    })
    .from(availabilityWeeklyRanges)
    .where(eq(availabilityWeeklyRanges.userId, userId))
    .orderBy(asc(availabilityWeeklyRanges.weekday), asc(availabilityWeeklyRanges.startMinute));
  const weeklyHours = Object.fromEntries(WEEKDAYS.map((day) => [day, []])) as unknown as WeeklyHours;
  for (const row of rows) {
    const day = WEEKDAYS[row.weekday - 1];
    if (day) weeklyHours[day].push({ start: row.start, end: row.end });
  }
  return { weeklyHours, dailyBookingLimit: settings.dailyBookingLimit, timeZone, isDefault: false };
}

const overrideColumns = {
  id: availabilityOverrides.id,
  date: availabilityOverrides.date,
  ranges: availabilityOverrides.ranges,
  note: availabilityOverrides.note,
};

/** Overrides by date, optionally between two `YYYY-MM-DD` dates (inclusive). */
export async function selectOverrides(
  tx: DbExecutor,
  userId: string,
  between: { from?: string | undefined; to?: string | undefined } = {},
): Promise<AvailabilityOverride[]> {
  return tx
    .select(overrideColumns)
    .from(availabilityOverrides)
    .where(
      and(
        eq(availabilityOverrides.userId, userId),
        between.from === undefined ? undefined : gte(availabilityOverrides.date, between.from),
        between.to === undefined ? undefined : lte(availabilityOverrides.date, between.to),
      ),
    )
    .orderBy(asc(availabilityOverrides.date));
}
