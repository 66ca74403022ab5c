"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import {
  formatCalendarDate,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatRelative,
  formatTime,
  formatZoneName,
  type DateOptions,
  type Instant,
  type TimeOptions,
} from "@/lib/format/dates";
import { practitionerFormatOf, type PractitionerFormat } from "@/lib/format/settings";

const PractitionerFormatContext = createContext<PractitionerFormat | null>(null);

/**
 * The practitioner's locale, zone and clock for every client component below, fed by the signed-in
 * layout from the profile. Server and browser format with the same settings, so their renders agree.
 */
export function PractitionerFormatProvider({ value, children }: { value: PractitionerFormat; children: ReactNode }) {
  return <PractitionerFormatContext.Provider value={value}>{children}</PractitionerFormatContext.Provider>;
}

/** Outside the signed-in layout nothing is known: UTC in the fallback locale, the same on server and browser. */
const UNKNOWN = practitionerFormatOf(null);

/** The formatting functions of src/lib/format, bound to the practitioner's settings. */
export function usePractitionerFormat() {
  const settings = useContext(PractitionerFormatContext) ?? UNKNOWN;
  return useMemo(
    () => ({
      settings,
      date: (instant: Instant | null, options?: DateOptions) => formatDate(instant, settings, options),
      dateTime: (instant: Instant | null, options?: TimeOptions) => formatDateTime(instant, settings, options),
      time: (instant: Instant, options?: TimeOptions) => formatTime(instant, settings, options),
      relative: (instant: Instant, now: Instant) => formatRelative(instant, settings, now),
      dateRange: (start: Instant, end: Instant, options?: TimeOptions) =>
        formatDateRange(start, end, settings, options),
      calendarDate: (value: string | null, options?: DateOptions) => formatCalendarDate(value, settings, options),
      zoneName: (instant: Instant) => formatZoneName(instant, settings),
    }),
    [settings],
  );
}

/** An instant as a day ("12 Mar 2025"), in a `<time>` element. */
export function FormattedDate({ iso }: { iso: string | null }) {
  const format = usePractitionerFormat();
  return iso ? <time dateTime={iso}>{format.date(iso)}</time> : <>{format.date(null)}</>;
}

/** An instant with day, time and, where a record may be printed or compared, the zone's name. */
export function FormattedDateTime({ iso, zone = false }: { iso: string; zone?: boolean }) {
  const format = usePractitionerFormat();
  return <time dateTime={iso}>{format.dateTime(iso, { zone })}</time>;
}
