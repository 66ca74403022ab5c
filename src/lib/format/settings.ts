/**
 * How one practitioner reads dates and times. Every date on screen, in a CSV meant for people or in an
 * email is formatted with these (this folder is the only place allowed to call Intl's date formatters);
 * machines get ISO 8601 in UTC instead.
 */
export interface FormatSettings {
  /** A BCP 47 tag the runtime supports, e.g. "en-GB". */
  locale: string;
  /** An IANA zone, e.g. "Europe/London". */
  timeZone: string;
  /** null: the locale's usual clock. */
  hourCycle: HourCycle | null;
}

export type HourCycle = "h12" | "h23";

/** Used where nothing better is known (no profile, no Accept-Language the runtime supports). */
export const FALLBACK_LOCALE = "en-GB";
export const FALLBACK_TIME_ZONE = "UTC";

const ZONE_SHAPE = /^[A-Za-z][A-Za-z0-9_+/-]*$/;

/** An IANA zone name (or alias) this runtime knows; offsets like "+01:00" and junk are refused. */
export function isTimeZone(value: string): boolean {
  if (value.length > 64 || !ZONE_SHAPE.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Every zone for a picker: the runtime's canonical IANA names plus UTC, which the list leaves out. */
export function timeZoneNames(): string[] {
  const names = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return names.includes("UTC") ? names : [...names, "UTC"];
}

/** The zone this browser (or server) runs in, or null when it reports none usable. */
export function runtimeTimeZone(): string | null {
  const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : null;
}

/** A tag the runtime formats dates with, or null. */
export function supportedLocale(tag: string | null | undefined): string | null {
  if (!tag) return null;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag])[0] ?? null;
  } catch {
    return null;
  }
}

/** The first language of an Accept-Language header the runtime supports ("de-DE,de;q=0.9" → "de-DE"). */
export function localeFromAcceptLanguage(header: string | null | undefined): string | null {
  if (!header) return null;
  const tags = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.tag !== "" && entry.tag !== "*" && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    const locale = supportedLocale(tag);
    if (locale) return locale;
  }
  return null;
}

const localeCycles = new Map<string, HourCycle>();

/** The clock a locale uses when the practitioner has not chosen one. */
export function localeHourCycle(locale: string): HourCycle {
  let cycle = localeCycles.get(locale);
  if (!cycle) {
    const resolved = new Intl.DateTimeFormat(locale, { hour: "numeric" }).resolvedOptions().hourCycle;
    cycle = resolved === "h11" || resolved === "h12" ? "h12" : "h23";
    localeCycles.set(locale, cycle);
  }
  return cycle;
}

/** A practitioner's settings as every screen receives them: the formatting ones plus the week's first day. */
export interface PractitionerFormat extends FormatSettings {
  weekStart: "monday" | "sunday";
  /** False while the zone is unknown (the browser has not reported one yet): times then read in UTC. */
  timeZoneKnown: boolean;
}

/** The profile fields dates depend on (null: not chosen). */
export interface FormatPreferences {
  locale: string | null;
  timeZone: string | null;
  hourCycle: HourCycle | null;
  weekStart: "monday" | "sunday";
}

/**
 * What the practitioner's dates are formatted with. A locale of null follows the request's
 * Accept-Language (the browser's language); without a request (a job, an email) the fallback.
 */
export function practitionerFormatOf(
  preferences: FormatPreferences | null,
  acceptLanguage?: string | null,
): PractitionerFormat {
  return {
    locale: preferences?.locale ?? localeFromAcceptLanguage(acceptLanguage) ?? FALLBACK_LOCALE,
    timeZone: preferences?.timeZone ?? FALLBACK_TIME_ZONE,
    hourCycle: preferences?.hourCycle ?? null,
    weekStart: preferences?.weekStart ?? "monday",
    timeZoneKnown: Boolean(preferences?.timeZone),
  };
}

/** This browser's own language and zone, for pages read by someone other than the practitioner (a client's intake form). */
export function browserFormat(): FormatSettings {
  const locale = typeof navigator === "undefined" ? null : supportedLocale(navigator.language);
  return { locale: locale ?? FALLBACK_LOCALE, timeZone: runtimeTimeZone() ?? FALLBACK_TIME_ZONE, hourCycle: null };
}
