import { tz, TZDate } from "@date-fns/tz";
import { differenceInCalendarDays } from "date-fns";
import { localeHourCycle, type FormatSettings } from "./settings";

/** An instant as the API sends it (ISO 8601), a Date, or epoch milliseconds. */
export type Instant = Date | string | number;

const NOT_A_DATE = "—";

function toDate(instant: Instant): Date | null {
  const date = instant instanceof Date ? instant : new Date(instant);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Formatters are costly to build and the same few settings repeat on every row: keep them. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(settings: FormatSettings, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const withClock = options.hour === undefined ? options : clock(settings, options);
  const full = { ...withClock, timeZone: settings.timeZone };
  const key = `${settings.locale}|${JSON.stringify(full)}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(settings.locale, full);
    if (formatters.size > 200) formatters.clear();
    formatters.set(key, made);
  }
  return made;
}

/** The practitioner's clock, always explicit: "09:05" on a 24-hour clock, "9:05 AM" on a 12-hour one. */
function clock(settings: FormatSettings, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormatOptions {
  const hourCycle = settings.hourCycle ?? localeHourCycle(settings.locale);
  return { ...options, hourCycle, hour: hourCycle === "h23" ? "2-digit" : "numeric" };
}

/**
 * Chromium writes a plain space where Node's ICU writes a narrow no-break or thin space (before
 * "AM", around a range's dash): one spacing, so the server's render and the browser's agree.
 */
function plainSpaces(text: string): string {
  return text.replace(/[\u202f\u2009]/g, " ");
}

const DATE: Intl.DateTimeFormatOptions = { year: "numeric", month: "short", day: "numeric" };
const LONG_DATE: Intl.DateTimeFormatOptions = { year: "numeric", month: "long", day: "numeric" };
const TIME: Intl.DateTimeFormatOptions = { hour: "numeric", minute: "2-digit" };
const TIME_WITH_SECONDS: Intl.DateTimeFormatOptions = { ...TIME, second: "2-digit" };

export interface DateOptions {
  /** "long" spells the month out ("12 March 2025"). */
  style?: "medium" | "long";
}

export interface TimeOptions {
  seconds?: boolean;
  /** Adds the zone's short name ("BST", "GMT-5"), for records that may be printed or compared. */
  zone?: boolean;
}

/** A day: "12 Mar 2025" (en-GB), "Mar 12, 2025" (en-US), "12.03.2025" (de-DE), in the practitioner's zone. */
export function formatDate(instant: Instant | null, settings: FormatSettings, options: DateOptions = {}): string {
  const date = instant === null ? null : toDate(instant);
  if (!date) return NOT_A_DATE;
  return plainSpaces(formatter(settings, options.style === "long" ? LONG_DATE : DATE).format(date));
}

/** A time of day: "14:05" or "2:05 PM", as the practitioner's clock reads. */
export function formatTime(instant: Instant, settings: FormatSettings, options: TimeOptions = {}): string {
  const date = toDate(instant);
  if (!date) return NOT_A_DATE;
  const base = options.seconds ? TIME_WITH_SECONDS : TIME;
  return plainSpaces(formatter(settings, options.zone ? { ...base, timeZoneName: "short" } : base).format(date));
}

/** Day and time: "12 Mar 2025, 14:05" (with `zone`: "12 Mar 2025, 14:05 GMT"). */
export function formatDateTime(instant: Instant | null, settings: FormatSettings, options: TimeOptions = {}): string {
  const date = instant === null ? null : toDate(instant);
  if (!date) return NOT_A_DATE;
  const time = options.seconds ? TIME_WITH_SECONDS : TIME;
  const all = { ...DATE, ...time, ...(options.zone ? { timeZoneName: "short" as const } : {}) };
  return plainSpaces(formatter(settings, all).format(date));
}

/** The zone's short name at that instant ("BST" in summer, "GMT" in winter, "GMT+9"). */
export function formatZoneName(instant: Instant, settings: FormatSettings): string {
  const date = toDate(instant);
  if (!date) return "";
  const parts = formatter(settings, { timeZoneName: "short" }).formatToParts(date);
  return parts.find((part) => part.type === "timeZoneName")?.value ?? settings.timeZone;
}

/**
 * A calendar date stored as `YYYY-MM-DD` (a birthday, a filter's day) as written: never shifted by a
 * time zone, since it is not an instant.
 */
export function formatCalendarDate(value: string | null, settings: FormatSettings, options: DateOptions = {}): string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return NOT_A_DATE;
  return formatDate(`${value}T12:00:00Z`, { ...settings, timeZone: "UTC" }, options);
}

/** A calendar month given as `yyyy-mm` ("March 2025"), in the practitioner's language; no zone applies. */
export function formatCalendarMonth(value: string, settings: FormatSettings): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return NOT_A_DATE;
  return plainSpaces(
    formatter({ ...settings, timeZone: "UTC" }, { year: "numeric", month: "long" }).format(
      new Date(`${value}-15T12:00:00Z`),
    ),
  );
}

/** "12 Mar 2025, 14:00 – 15:30"; the day is written once when both ends fall on it. */
export function formatDateRange(
  start: Instant,
  end: Instant,
  settings: FormatSettings,
  options: TimeOptions = {},
): string {
  const from = toDate(start);
  const to = toDate(end);
  if (!from || !to) return NOT_A_DATE;
  const all = { ...DATE, ...TIME, ...(options.zone ? { timeZoneName: "short" as const } : {}) };
  return plainSpaces(formatter(settings, all).formatRange(from, to));
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();
function relative(locale: string): Intl.RelativeTimeFormat {
  let made = relativeFormatters.get(locale);
  if (!made) {
    made = new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "short" });
    relativeFormatters.set(locale, made);
  }
  return made;
}

const WEEKDAY: Intl.DateTimeFormatOptions = { weekday: "long" };

/**
 * How long ago (or until) an instant, as people say it: "just now", "3 min ago", "2 hr ago" the same
 * day, "yesterday at 14:05", "Tuesday at 09:30" within the week, then the date. Days are counted in the
 * practitioner's zone; `now` is passed in so the answer never depends on when a test runs.
 */
export function formatRelative(instant: Instant, settings: FormatSettings, now: Instant): string {
  const date = toDate(instant);
  const reference = toDate(now);
  if (!date || !reference) return NOT_A_DATE;
  const ms = date.getTime() - reference.getTime();
  const words = relative(settings.locale);
  if (Math.abs(ms) < MINUTE) return ms <= 0 ? "just now" : words.format(1, "minute");
  if (Math.abs(ms) < HOUR) return words.format(Math.trunc(ms / MINUTE), "minute");
  const days = differenceInCalendarDays(new TZDate(date, settings.timeZone), new TZDate(reference, settings.timeZone), {
    in: tz(settings.timeZone),
  });
  if (days === 0) return words.format(Math.trunc(ms / HOUR), "hour");
  // The app's words are English; in another locale the day and time stand side by side.
  const at = `${settings.locale.startsWith("en") ? " at " : ", "}${formatTime(date, settings)}`;
  if (Math.abs(days) === 1) return `${words.format(days, "day")}${at}`;
  if (days < 0 && days > -7) return `${formatter(settings, WEEKDAY).format(date)}${at}`;
  return formatDateTime(date, settings);
}

/**
 * The instant a calendar day (`YYYY-MM-DD`) starts in a zone, `addDays` later, as ISO 8601 in UTC: how
 * a day picked in a filter becomes the bound the API compares with.
 */
export function startOfZonedDay(day: string, timeZone: string, addDays = 0): string {
  const [year = 0, month = 1, date = 1] = day.split("-").map(Number);
  return new Date(new TZDate(year, month - 1, date + addDays, timeZone).getTime()).toISOString();
}

/** Today's date in a zone as `YYYY-MM-DD` (machine form, for date inputs and comparisons). */
export function zonedDay(instant: Instant, timeZone: string): string {
  const date = toDate(instant) ?? new Date(0);
  const zoned = new TZDate(date, timeZone);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${zoned.getFullYear()}-${pad(zoned.getMonth() + 1)}-${pad(zoned.getDate())}`;
}

/** An instant as the wall-clock time it reads in a zone, `YYYY-MM-DDTHH:mm` (the value of a datetime-local input). */
export function zonedWallTime(instant: Instant, timeZone: string): string {
  const date = toDate(instant) ?? new Date(0);
  const zoned = new TZDate(date, timeZone);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${zonedDay(date, timeZone)}T${pad(zoned.getHours())}:${pad(zoned.getMinutes())}`;
}

/**
 * The instant a wall-clock time (`YYYY-MM-DDTHH:mm`) names in a zone, as ISO 8601 in UTC; null for text
 * that is no such time. A time skipped by a daylight-saving change reads as the offset before it.
 */
export function instantFromZonedWallTime(wallTime: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wallTime);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(new TZDate(year, month - 1, day, hour, minute, timeZone).getTime());
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const WEEKDAY_DATE: Intl.DateTimeFormatOptions = { weekday: "short", month: "short", day: "numeric" };

/**
 * A calendar day (`YYYY-MM-DD`, e.g. a task's due day) with its weekday and without the year: "Tue 8 Dec"
 * (en-GB), "Tue, Dec 8" (en-US). Never shifted by a zone, like `formatCalendarDate`.
 */
export function formatCalendarWeekday(value: string | null, settings: FormatSettings): string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return NOT_A_DATE;
  return plainSpaces(formatter({ ...settings, timeZone: "UTC" }, WEEKDAY_DATE).format(new Date(`${value}T12:00:00Z`)));
}

/** A time of day stored without a day (`HH:MM`, a task's due time) on the practitioner's clock: "15:00" or "3:00 PM". */
export function formatClockTime(value: string | null, settings: FormatSettings): string {
  if (!value || !/^\d{2}:\d{2}$/.test(value)) return NOT_A_DATE;
  return formatTime(`2000-01-01T${value}:00Z`, { ...settings, timeZone: "UTC" });
}
