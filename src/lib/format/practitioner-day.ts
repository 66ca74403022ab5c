import { TZDate } from "@date-fns/tz";
import type { Instant } from "./dates";

/**
 * The practitioner's "day": a calendar date (`YYYY-MM-DD`) that begins at `dayStartHour` o'clock on
 * their own wall clock, not at midnight. With the day starting at 4, a check-in at 01:00 on Tuesday
 * belongs to Monday. Habits, check-ins and the home page all ask this one module which day it is.
 *
 * The rule is read off the wall clock, so daylight-saving changes need no special case: an instant
 * whose local hour is below the start hour belongs to the previous calendar date. A day is therefore
 * 23 or 25 hours long when the clocks change inside it, and when the start hour itself does not exist
 * (the clocks jump over it) the day begins at the first instant after the jump.
 */

/** The hours a day may start at: midnight to noon. */
export const DAY_START_HOURS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export const DEFAULT_DAY_START_HOUR = 0;

/** A calendar date, `YYYY-MM-DD`. */
export type PractitionerDay = string;

export interface DaySettings {
  /** IANA zone. */
  timeZone: string;
  /** 0–12: the local hour at which a new day begins. */
  dayStartHour: number;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** `YYYY-MM-DD` of a proleptic Gregorian date, computed in UTC so no zone can shift it. */
function dayFromUtc(date: Date): PractitionerDay {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function utcMidnight(day: PractitionerDay): number {
  const match = DAY_PATTERN.exec(day);
  if (!match) throw new RangeError(`not a day: ${day}`);
  const [, year, month, date] = match;
  const time = Date.UTC(Number(year), Number(month) - 1, Number(date));
  if (dayFromUtc(new Date(time)) !== day) throw new RangeError(`not a day: ${day}`);
  return time;
}

/** True for a real calendar date written `YYYY-MM-DD` (no 30 February). */
export function isPractitionerDay(value: string): boolean {
  try {
    utcMidnight(value);
    return true;
  } catch {
    return false;
  }
}

/** The day `days` after (or before, when negative) a day: pure calendar arithmetic. */
export function addDays(day: PractitionerDay, days: number): PractitionerDay {
  return dayFromUtc(new Date(utcMidnight(day) + days * MS_PER_DAY));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: PractitionerDay, to: PractitionerDay): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / MS_PER_DAY);
}

/** 0 = Sunday … 6 = Saturday, as `Date#getDay`. */
export function weekdayOf(day: PractitionerDay): number {
  return new Date(utcMidnight(day)).getUTCDay();
}

/** The practitioner's day an instant falls in. */
export function practitionerDay(instant: Instant, settings: DaySettings): PractitionerDay {
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError("not an instant");
  const local = new TZDate(date, settings.timeZone);
  const calendar = `${pad(local.getFullYear(), 4)}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
  return local.getHours() < settings.dayStartHour ? addDays(calendar, -1) : calendar;
}

/** The first instant of a practitioner's day (its start hour on the wall clock, or just after a jump over it). */
export function startOfPractitionerDay(day: PractitionerDay, settings: DaySettings): Date {
  const midnight = new Date(utcMidnight(day));
  const wall = new TZDate(
    midnight.getUTCFullYear(),
    midnight.getUTCMonth(),
    midnight.getUTCDate(),
    settings.dayStartHour,
    0,
    0,
    settings.timeZone,
  );
  let start = wall.getTime();
  // When the wall time is ambiguous (clocks fall back over it) the library may pick the later of the
  // two instants; the day starts at the earlier one if it still reads as this day.
  const earlier = start - 3_600_000;
  if (practitionerDay(earlier, settings) === day) start = earlier;
  return new Date(start);
}

/** The instants of a practitioner's day: `[start, end)`. */
export function practitionerDayBounds(day: PractitionerDay, settings: DaySettings): { start: Date; end: Date } {
  return { start: startOfPractitionerDay(day, settings), end: startOfPractitionerDay(addDays(day, 1), settings) };
}
