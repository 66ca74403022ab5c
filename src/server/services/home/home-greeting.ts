import { TZDate } from "@date-fns/tz";
import type { HomeGreeting } from "@/lib/contracts/home";
import { withUserDb } from "@/server/db";
import type { UserContext } from "../contacts/context";
import { readDaySettings } from "../profiles/day-settings";

/** "Good morning" until noon, afternoon until 6 p.m., then evening, by the practitioner's own clock. */
export function partOfDay(hour: number): HomeGreeting["partOfDay"] {
  if (hour >= 5 && hour < 12) return "morning";
  if (hour >= 12 && hour < 18) return "afternoon";
  return "evening";
}

/** The greeting line: the practitioner's name, their day and the part of it. */
export async function readHomeGreeting(
  context: UserContext & { displayName: string },
  now = new Date(),
): Promise<HomeGreeting> {
  const settings = await withUserDb(context.userId, (tx) => readDaySettings(tx, context.userId, now));
  return {
    displayName: context.displayName,
    today: settings.today,
    partOfDay: partOfDay(new TZDate(now, settings.timeZone).getHours()),
  };
}
