/**
 * A `timestamptz` written as ISO 8601 (`T`) or as Postgres prints it (space): date, time,
 * up to six fractional digits and an explicit offset (`Z`, `±HH`, `±HH:MM`, `±HH:MM:SS`).
 */
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|[+-](\d{2})(?::(\d{2}))?(?::(\d{2}))?)$/;

/** Postgres refuses an offset of 16 hours or more, and minutes or seconds of 60 or more. */
const MAX_OFFSET_HOURS = 15;

/**
 * True only for text Postgres will cast to `timestamptz` without an error: a day that exists in a
 * year from 1 to 9999 (Postgres has no year 0), a real time of day and an offset it accepts.
 * Cursors carry such text back from the client, so a crafted one must be refused before the query.
 */
export function isPostgresTimestamp(value: string): boolean {
  const match = TIMESTAMP.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second, offsetHours = 0, offsetMinutes = 0, offsetSeconds = 0] = match
    .slice(1)
    .map((part) => Number(part ?? 0));
  if (year === undefined || month === undefined || day === undefined) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return (
    year >= 1 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    (hour ?? 24) < 24 &&
    (minute ?? 60) < 60 &&
    (second ?? 60) < 60 &&
    offsetHours <= MAX_OFFSET_HOURS &&
    offsetMinutes < 60 &&
    offsetSeconds < 60
  );
}
