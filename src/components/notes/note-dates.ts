/** Dates as the practitioner reads them: in this browser's time zone and locale. */
const dateAndTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function formatNoteDate(iso: string): string {
  return dateAndTime.format(new Date(iso));
}
