"use client";

import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { apiRequest } from "@/lib/api-client";
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
import { practitionerFormatOf, runtimeTimeZone, type PractitionerFormat } from "@/lib/format/settings";

const PractitionerFormatContext = createContext<PractitionerFormat | null>(null);

/**
 * The practitioner's locale, zone and clock for every client component below, fed by the signed-in
 * layout from the profile. Server and browser format with the same settings, so their renders agree.
 *
 * A zone not known yet (a new account) is guessed from the browser after the first render, stored,
 * and used from then on. The page is not reloaded for it: a reload would render the page's server
 * part again (and record a second view of a client record in the activity log).
 */
export function PractitionerFormatProvider({ value, children }: { value: PractitionerFormat; children: ReactNode }) {
  const [guessedZone, setGuessedZone] = useState<string | null>(null);
  useEffect(() => {
    if (value.timeZoneKnown) return;
    const timeZone = runtimeTimeZone();
    if (!timeZone) return;
    let cancelled = false;
    apiRequest("/api/profile", { method: "PATCH", body: { timeZone } })
      .then(() => {
        if (!cancelled) setGuessedZone(timeZone);
      })
      // A failed guess is tried again on the next page; nothing else depends on it.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [value.timeZoneKnown]);
  const settings = useMemo(
    () => (guessedZone && !value.timeZoneKnown ? { ...value, timeZone: guessedZone, timeZoneKnown: true } : value),
    [guessedZone, value],
  );
  return <PractitionerFormatContext.Provider value={settings}>{children}</PractitionerFormatContext.Provider>;
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
  return iso ? (
    <time dateTime={iso} suppressHydrationWarning>
      {format.date(iso)}
    </time>
  ) : (
    <>{format.date(null)}</>
  );
}

/** An instant with day, time and, where a record may be printed or compared, the zone's name. */
export function FormattedDateTime({ iso, zone = false }: { iso: string; zone?: boolean }) {
  const format = usePractitionerFormat();
  // The server's ICU and the browser's may space a date differently: the browser's text wins quietly.
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {format.dateTime(iso, { zone })}
    </time>
  );
}
