import { isPractitionerDay } from "@/lib/format/practitioner-day";
import { z } from "@/lib/zod";
import { plainText } from "./contacts";
import { tagColorSchema } from "./tags";

/** Contracts for `/api/habits/*`, shared by the route handlers and the habits page. */

/** A practitioner's day, `YYYY-MM-DD` (src/lib/format/practitioner-day.ts). */
export const daySchema = z.string().refine(isPractitionerDay, { message: "Use a date written YYYY-MM-DD" });

export const HABIT_STATUSES = ["yes", "no", "skip"] as const;
export const habitStatusSchema = z.enum(HABIT_STATUSES, { message: "Answer yes, no or skip" });

export const habitScheduleSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("daily") }),
    z.strictObject({
      kind: z.literal("weekdays"),
      /** 0 = Sunday … 6 = Saturday; stored sorted, once each. */
      weekdays: z
        .array(z.number().int().min(0).max(6), { message: "Choose the days" })
        .min(1, { message: "Choose at least one day" })
        .max(7)
        .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
    }),
    z.strictObject({
      kind: z.literal("times_per_week"),
      timesPerWeek: z
        .number({ message: "Choose how many times a week" })
        .int()
        .min(1, { message: "Choose 1 to 7 times a week" })
        .max(7, { message: "Choose 1 to 7 times a week" }),
    }),
  ],
  { message: "Choose a schedule" },
);

const habitName = plainText(80).min(1, { message: "Enter a name" });

/** `POST /api/habits`. Without a colour it gets the preset the practitioner's habits use least. */
export const createHabitInput = z.strictObject({
  name: habitName,
  color: tagColorSchema.optional(),
  schedule: habitScheduleSchema,
});

/** `PATCH /api/habits/:id`: only the fields sent change; archiving keeps the history. */
export const updateHabitInput = z.strictObject({
  name: habitName.optional(),
  color: tagColorSchema.optional(),
  schedule: habitScheduleSchema.optional(),
  archived: z.boolean().optional(),
});

export const habitIdParams = z.object({ id: z.uuid() });
export const habitEntryParams = z.object({ id: z.uuid(), day: daySchema });

/** `PUT /api/habits/:id/entries/:day`: the day's answer (today or an earlier day, never a future one). */
export const putHabitEntryInput = z.strictObject({ status: habitStatusSchema });

/** `PUT /api/habits/pause`: pause every habit from a day (today when left out) until a day (or until resumed). */
export const pauseHabitsInput = z
  .strictObject({
    from: daySchema.optional(),
    until: daySchema.nullable().optional(),
  })
  .refine((pause) => !pause.from || !pause.until || pause.until >= pause.from, {
    message: "The pause must end on or after the day it starts",
    path: ["until"],
  });

export const habitPauseSchema = z.object({ pausedFrom: daySchema, pausedUntil: daySchema.nullable() });

export const habitDaySchema = z.object({
  day: daySchema,
  status: habitStatusSchema.nullable(),
  /** Inside a "pause all" period: neither missed nor done. */
  paused: z.boolean(),
  /** Due by the schedule (a weekday habit is not due on its other days). */
  due: z.boolean(),
});

export const habitSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  color: z.string(),
  schedule: habitScheduleSchema,
  archived: z.boolean(),
  createdAt: z.string(),
  /** Due today by its schedule and not paused. */
  dueToday: z.boolean(),
  todayStatus: habitStatusSchema.nullable(),
  streak: z.object({ length: z.number().int().nonnegative(), unit: z.enum(["days", "weeks"]) }),
  /** 0 to 1 (src/lib/habits/habit-score.ts). */
  strength: z.number().min(0).max(1),
  /** The last 84 days (12 weeks), oldest first, for the heat-map. */
  recent: z.array(habitDaySchema),
});

export const habitListResponse = z.object({
  /** The practitioner's day now (their zone and day-start hour). */
  today: daySchema,
  /** The pause in force today or the next one planned; null when none. */
  pause: habitPauseSchema.nullable(),
  items: z.array(habitSchema),
});

export const habitPauseResponse = z.object({ pause: habitPauseSchema.nullable() });

export type HabitStatusValue = z.infer<typeof habitStatusSchema>;
export type HabitScheduleInput = z.output<typeof habitScheduleSchema>;
export type CreateHabitInput = z.output<typeof createHabitInput>;
export type CreateHabitFormValues = z.input<typeof createHabitInput>;
export type UpdateHabitInput = z.output<typeof updateHabitInput>;
export type PauseHabitsInput = z.output<typeof pauseHabitsInput>;
export type Habit = z.infer<typeof habitSchema>;
export type HabitDay = z.infer<typeof habitDaySchema>;
export type HabitListResponse = z.infer<typeof habitListResponse>;
export type HabitPause = z.infer<typeof habitPauseSchema>;
