import { z } from "@/lib/zod";
import { plainText } from "./contacts";

/** Contracts for `/api/availability/*`, shared by the route handlers, the slot engine and Settings → Availability. */

export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const MINUTES_PER_DAY = 24 * 60;
/** The most ranges one day may hold (a split shift, lunch and a late clinic fit easily). */
export const MAX_RANGES_PER_DAY = 8;

/** `HH:MM` for a minute of the day (1440 reads 24:00): machine form for messages and time inputs. */
export function minuteOfDayText(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** A stretch of a day in the practitioner's zone, in minutes from local midnight: `[start, end)`. */
export const minuteRangeSchema = z
  .strictObject({
    start: z
      .number({ message: "Enter a start time" })
      .int({ message: "Use whole minutes" })
      .min(0, { message: "Start at 00:00 or later" })
      .max(MINUTES_PER_DAY - 1, { message: "Start before 24:00" }),
    end: z
      .number({ message: "Enter an end time" })
      .int({ message: "Use whole minutes" })
      .min(1, { message: "End after 00:00" })
      .max(MINUTES_PER_DAY, { message: "End at 24:00 at the latest" }),
  })
  .superRefine((range, context) => {
    if (range.end <= range.start)
      context.addIssue({
        code: "custom",
        path: ["end"],
        message: `${minuteOfDayText(range.start)}–${minuteOfDayText(range.end)}: end after the start`,
      });
  });
export type MinuteRange = z.infer<typeof minuteRangeSchema>;

/** One day's ranges, refused when two overlap; stored and returned in order. */
export const dayRangesSchema = z
  .array(minuteRangeSchema)
  .max(MAX_RANGES_PER_DAY, { message: `Use at most ${MAX_RANGES_PER_DAY} ranges a day` })
  .superRefine((ranges, context) => {
    const order = ranges.map((range, index) => ({ range, index })).sort((a, b) => a.range.start - b.range.start);
    for (let i = 1; i < order.length; i++) {
      const previous = order[i - 1];
      const current = order[i];
      if (!previous || !current || current.range.start >= previous.range.end) continue;
      context.addIssue({
        code: "custom",
        path: [current.index, "start"],
        message: `Overlaps ${minuteOfDayText(previous.range.start)}–${minuteOfDayText(previous.range.end)}`,
      });
    }
  })
  .transform((ranges) => [...ranges].sort((a, b) => a.start - b.start));

export const weeklyHoursSchema = z.strictObject({
  monday: dayRangesSchema,
  tuesday: dayRangesSchema,
  wednesday: dayRangesSchema,
  thursday: dayRangesSchema,
  friday: dayRangesSchema,
  saturday: dayRangesSchema,
  sunday: dayRangesSchema,
});
export type WeeklyHours = z.output<typeof weeklyHoursSchema>;

const nineToFive: MinuteRange[] = [{ start: 9 * 60, end: 17 * 60 }];
/** What a practitioner who never saved their hours works: Monday to Friday, 9:00 to 17:00. */
export const DEFAULT_WEEKLY_HOURS: WeeklyHours = {
  monday: nineToFive,
  tuesday: nineToFive,
  wednesday: nineToFive,
  thursday: nineToFive,
  friday: nineToFive,
  saturday: [],
  sunday: [],
};

export const MAX_DAILY_BOOKING_LIMIT = 50;
const dailyBookingLimit = z
  .number({ message: "Enter a number of sessions" })
  .int({ message: "Use a whole number" })
  .min(1, { message: "Allow at least 1 session a day, or leave it blank for no limit" })
  .max(MAX_DAILY_BOOKING_LIMIT, { message: `Use at most ${MAX_DAILY_BOOKING_LIMIT}` })
  .nullable();

/** `PUT /api/availability`: the whole week and the limit (null: no limit). */
export const updateAvailabilityInput = z.strictObject({
  weeklyHours: weeklyHoursSchema,
  dailyBookingLimit,
});
export type UpdateAvailabilityInput = z.output<typeof updateAvailabilityInput>;
export type UpdateAvailabilityFormValues = z.input<typeof updateAvailabilityInput>;

export const availabilitySchema = z.object({
  weeklyHours: weeklyHoursSchema,
  dailyBookingLimit: z.number().int().nullable(),
  /** The zone every rule is read in (Settings → Profile); null until the first signed-in page stores it. */
  timeZone: z.string().nullable(),
  /** True until the practitioner saves their own hours: the week shown is DEFAULT_WEEKLY_HOURS. */
  isDefault: z.boolean(),
});
export const availabilityResponse = z.object({ availability: availabilitySchema });
export type Availability = z.infer<typeof availabilitySchema>;
export type AvailabilityResponse = z.infer<typeof availabilityResponse>;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar date `YYYY-MM-DD` that exists (no 30 February). */
export const calendarDateSchema = z
  .string({ message: "Choose a date" })
  .trim()
  .regex(ISO_DAY, { message: "Choose a date" })
  .refine(
    (value) => {
      const [year = 0, month = 0, day = 0] = value.split("-").map(Number);
      const date = new Date(Date.UTC(year, month - 1, day));
      return year >= 2000 && year <= 2200 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    },
    { message: "Choose a date that exists" },
  );

/** `POST /api/availability/overrides`: a day off (no ranges) or that day's own hours. One per date (409). */
export const createOverrideInput = z.strictObject({
  date: calendarDateSchema,
  ranges: dayRangesSchema,
  note: plainText(200)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional(),
});
export type CreateOverrideInput = z.output<typeof createOverrideInput>;
export type CreateOverrideFormValues = z.input<typeof createOverrideInput>;

export const overrideIdParams = z.object({ id: z.uuid() });
export const listOverridesQuery = z.strictObject({ from: calendarDateSchema.optional() });

export const overrideSchema = z.object({
  id: z.uuid(),
  date: z.string(),
  /** Empty: the day off. */
  ranges: z.array(minuteRangeSchema),
  note: z.string().nullable(),
});
export type AvailabilityOverride = z.infer<typeof overrideSchema>;
export const overrideListResponse = z.object({ items: z.array(overrideSchema) });
export type OverrideListResponse = z.infer<typeof overrideListResponse>;

/**
 * The timing rules of a session type the slot engine needs. Session types themselves live with
 * appointments; anything that has these fields can be offered as slots.
 */
export const sessionTypeTimingSchema = z.strictObject({
  durationMinutes: z.number().int().min(5).max(720),
  bufferBeforeMinutes: z.number().int().min(0).max(240),
  bufferAfterMinutes: z.number().int().min(0).max(240),
  /** No slot starts sooner than this after now. */
  minimumNoticeMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 365),
  /** No slot on a calendar day (practitioner's zone) later than today plus this many days. */
  maximumDaysAhead: z.number().int().min(0).max(730),
});
export type SessionTypeTiming = z.infer<typeof sessionTypeTimingSchema>;

export const DEFAULT_SLOT_STEP_MINUTES = 15;
/** The widest window one slots request may ask for. */
export const MAX_SLOT_WINDOW_DAYS = 62;

const queryInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/**
 * `GET /api/availability/slots`: the practitioner's own free slots for a session of this shape, between
 * two instants. Buffers, notice and days ahead default to none, 0 and 365.
 */
export const slotsQuery = z
  .strictObject({
    durationMinutes: queryInt(5, 720),
    bufferBeforeMinutes: queryInt(0, 240).default(0),
    bufferAfterMinutes: queryInt(0, 240).default(0),
    minimumNoticeMinutes: queryInt(0, 60 * 24 * 365).default(0),
    maximumDaysAhead: queryInt(0, 730).default(365),
    stepMinutes: queryInt(5, 720).default(DEFAULT_SLOT_STEP_MINUTES),
    from: z.iso.datetime({ offset: true, message: "Use an ISO 8601 instant" }),
    to: z.iso.datetime({ offset: true, message: "Use an ISO 8601 instant" }),
  })
  .refine((query) => Date.parse(query.to) > Date.parse(query.from), { message: "End after the start", path: ["to"] })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= MAX_SLOT_WINDOW_DAYS * 86_400_000, {
    message: `Ask for at most ${MAX_SLOT_WINDOW_DAYS} days at a time`,
    path: ["to"],
  });
export type SlotsQuery = z.output<typeof slotsQuery>;

export const slotSchema = z.object({ start: z.string(), end: z.string() });
export const slotsResponse = z.object({ timeZone: z.string(), slots: z.array(slotSchema) });
export type Slot = z.infer<typeof slotSchema>;
export type SlotsResponse = z.infer<typeof slotsResponse>;
