/**
 * Arithmetic on calendar days written `YYYY-MM-DD`. A due day is the practitioner's day, not an instant,
 * so these work on the date alone (UTC arithmetic, where every day has 24 hours): daylight-saving days
 * cannot shift them.
 */

const DAY_MS = 86_400_000;

function parts(day: string): [number, number, number] {
  const [year = 0, month = 1, date = 1] = day.split("-").map(Number);
  return [year, month, date];
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function utcMs(day: string): number {
  const [year, month, date] = parts(day);
  return Date.UTC(year, month - 1, date);
}

export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, date] = parts(value);
  return month >= 1 && month <= 12 && date >= 1 && date <= daysInMonth(year, month);
}

export function addDays(day: string, count: number): string {
  return fromUtc(utcMs(day) + count * DAY_MS);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMs(to) - utcMs(from)) / DAY_MS);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 31;
}

/**
 * `count` months later on day `anchorDay` (default: the day's own), clamped to the month's last day:
 * 31 January + 1 month is 28 or 29 February, and with anchor 31 the month after is 31 March again.
 */
export function addMonths(day: string, count: number, anchorDay?: number): string {
  const [year, month, date] = parts(day);
  const index = year * 12 + (month - 1) + count;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDate = Math.min(anchorDay ?? date, daysInMonth(targetYear, targetMonth));
  return `${String(targetYear).padStart(4, "0")}-${String(targetMonth).padStart(2, "0")}-${String(targetDate).padStart(2, "0")}`;
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function isoWeekday(day: string): number {
  const weekday = new Date(utcMs(day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The day starting the week `day` is in (weeks start on Monday, or Sunday). */
export function startOfWeek(day: string, weekStart: "monday" | "sunday" = "monday"): string {
  const weekday = isoWeekday(day);
  return addDays(day, weekStart === "monday" ? -(weekday - 1) : -(weekday % 7));
}

export function dayOfMonth(day: string): number {
  return parts(day)[2];
}

export function compareDays(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
