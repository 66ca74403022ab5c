/** Date, time and zone, e.g. "25 Nov 2026, 18:17 CET"; the zone matters on a record that may be printed. */
const OPTIONS: Intl.DateTimeFormatOptions = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
};

/** An instant in the reader's locale, in their time zone unless one is given. */
export function formatConsentDateTime(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, timeZone ? { ...OPTIONS, timeZone } : OPTIONS).format(new Date(iso));
}
