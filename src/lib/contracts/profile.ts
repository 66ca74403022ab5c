import { DAY_START_HOURS } from "@/lib/format/practitioner-day";
import { isTimeZone } from "@/lib/format/settings";
import { z } from "@/lib/zod";
import { plainText } from "./contacts";

/** Contracts for `/api/profile`, shared by the route handlers and Settings → Profile. */

/** The locales offered in Settings → Profile; "" (stored as null) follows the browser's language. */
export const PROFILE_LOCALES = [
  { value: "en-GB", label: "English (United Kingdom)" },
  { value: "en-US", label: "English (United States)" },
  { value: "en-CA", label: "English (Canada)" },
  { value: "en-AU", label: "English (Australia)" },
  { value: "en-IE", label: "English (Ireland)" },
  { value: "en-NZ", label: "English (New Zealand)" },
  { value: "de-DE", label: "Deutsch (Deutschland)" },
  { value: "fr-FR", label: "Français (France)" },
  { value: "es-ES", label: "Español (España)" },
  { value: "it-IT", label: "Italiano (Italia)" },
  { value: "nl-NL", label: "Nederlands (Nederland)" },
  { value: "pt-BR", label: "Português (Brasil)" },
] as const;

export type ProfileLocale = (typeof PROFILE_LOCALES)[number]["value"];
const localeValues = PROFILE_LOCALES.map((locale) => locale.value) as [ProfileLocale, ...ProfileLocale[]];

export const WEEK_STARTS = ["monday", "sunday"] as const;
export type WeekStart = (typeof WEEK_STARTS)[number];
export const HOUR_CYCLES = ["h12", "h23"] as const;

const blankAsNull = <T>(value: T | "") => (value === "" ? null : value);

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, { message: "Choose a time zone" })
  .refine(isTimeZone, { message: "Choose a time zone from the list (an IANA name such as Europe/London)" });

export const dayStartHourSchema = z
  .number({ message: "Choose the hour your day starts" })
  .int({ message: "Choose a whole hour" })
  .min(DAY_START_HOURS[0], { message: "Choose an hour from midnight to noon" })
  .max(DAY_START_HOURS[DAY_START_HOURS.length - 1] ?? 12, { message: "Choose an hour from midnight to noon" });

/** `PATCH /api/profile`: only the fields sent change. The settings form sends them all. */
export const updateProfileInput = z.strictObject({
  displayName: plainText(120).min(1, { message: "Enter your name" }).optional(),
  /** Shown to clients instead of your name (the intake form's header); blank clears it. */
  businessName: plainText(160)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional(),
  /** "" or null: the browser's language. */
  locale: z
    .union([z.literal(""), z.enum(localeValues, { message: "Choose a locale from the list" })])
    .nullable()
    .transform((value) => (value === null ? null : blankAsNull(value)))
    .optional(),
  timeZone: timeZoneSchema.optional(),
  weekStart: z.enum(WEEK_STARTS, { message: "Choose Monday or Sunday" }).optional(),
  /** "" or null: the locale's usual clock. */
  hourCycle: z
    .union([z.literal(""), z.enum(HOUR_CYCLES, { message: "Choose a 12- or 24-hour clock" })])
    .nullable()
    .transform((value) => (value === null ? null : blankAsNull(value)))
    .optional(),
  /** The hour (0–12) a new day begins for habits and check-ins: at 4, 1 a.m. still counts as the day before. */
  dayStartHour: dayStartHourSchema.optional(),
});

export const profileSchema = z.object({
  dayStartHour: dayStartHourSchema,
  displayName: z.string(),
  businessName: z.string().nullable(),
  locale: z.enum(localeValues).nullable(),
  /** null until the first signed-in page has guessed it from the browser. */
  timeZone: z.string().nullable(),
  weekStart: z.enum(WEEK_STARTS),
  hourCycle: z.enum(HOUR_CYCLES).nullable(),
});

export const profileResponse = z.object({ profile: profileSchema });

export type UpdateProfileInput = z.output<typeof updateProfileInput>;
export type UpdateProfileFormValues = z.input<typeof updateProfileInput>;
export type ProfileDto = z.infer<typeof profileSchema>;
export type ProfileResponse = z.infer<typeof profileResponse>;
