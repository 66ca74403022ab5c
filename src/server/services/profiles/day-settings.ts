import { eq } from "drizzle-orm";
import { practitionerDay, type DaySettings, type PractitionerDay } from "@/lib/format/practitioner-day";
import { FALLBACK_TIME_ZONE } from "@/lib/format/settings";
import type { DbExecutor } from "@/server/db";
import { profiles } from "@/server/db/schema";

export interface PractitionerDaySettings extends DaySettings {
  /** 1: weeks start on Monday, 0: on Sunday. */
  weekStart: 0 | 1;
  /** The practitioner's day at the moment of the call. */
  today: PractitionerDay;
}

/**
 * How the practitioner's days run (zone, day-start hour, week start) and which day it is for them now:
 * the one answer habits, check-ins and the home page use for "today". A zone not yet known reads as UTC,
 * as every date on screen does until the browser reports one.
 */
export async function readDaySettings(
  tx: DbExecutor,
  userId: string,
  now = new Date(),
): Promise<PractitionerDaySettings> {
  const [row] = await tx
    .select({ timeZone: profiles.timeZone, dayStartHour: profiles.dayStartHour, weekStart: profiles.weekStart })
    .from(profiles)
    .where(eq(profiles.userId, userId));
  const settings = { timeZone: row?.timeZone ?? FALLBACK_TIME_ZONE, dayStartHour: row?.dayStartHour ?? 0 };
  return { ...settings, weekStart: row?.weekStart === "sunday" ? 0 : 1, today: practitionerDay(now, settings) };
}
