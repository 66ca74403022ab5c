import {
  FALLBACK_LOCALE,
  FALLBACK_TIME_ZONE,
  localeFromAcceptLanguage,
  type FormatSettings,
} from "@/lib/format/settings";
import type { Profile } from "./get-profile";

export interface PractitionerFormat extends FormatSettings {
  weekStart: Profile["weekStart"];
  /** False while the zone is still unknown (the browser has not reported one yet): times then read in UTC. */
  timeZoneKnown: boolean;
}

/**
 * The settings every date of this practitioner is formatted with, on the server (pages, CSV meant for
 * people, emails) and, passed down, in the browser. A profile locale of null follows the request's
 * Accept-Language (the browser's language); without a request (a job, an email) the fallback.
 */
export function formatSettingsOf(
  profile: Pick<Profile, "locale" | "timeZone" | "hourCycle" | "weekStart"> | null,
  acceptLanguage?: string | null,
): PractitionerFormat {
  return {
    locale: profile?.locale ?? localeFromAcceptLanguage(acceptLanguage) ?? FALLBACK_LOCALE,
    timeZone: profile?.timeZone ?? FALLBACK_TIME_ZONE,
    hourCycle: profile?.hourCycle ?? null,
    weekStart: profile?.weekStart ?? "monday",
    timeZoneKnown: Boolean(profile?.timeZone),
  };
}
