import { z } from "@/lib/zod";
import { plainText } from "./contacts";
import { daySchema } from "./habits";

/** Contracts for `/api/check-ins/*`, shared by the route handlers, the check-in form and the chart. */

export const CHECK_IN_PERIODS = ["morning", "evening"] as const;
export type CheckInPeriod = (typeof CHECK_IN_PERIODS)[number];

/** The four short scales, each 1 (low) to 5 (high), in the order the form asks them. */
export const CHECK_IN_SCALES = [
  { key: "energy", label: "Energy", low: "drained", high: "full of energy" },
  { key: "mood", label: "Mood", low: "low", high: "great" },
  { key: "sleep", label: "Sleep", low: "poor", high: "restful" },
  { key: "stress", label: "Stress", low: "calm", high: "very stressed" },
] as const;
export type CheckInScale = (typeof CHECK_IN_SCALES)[number]["key"];

const scale = z
  .number({ message: "Choose 1 to 5" })
  .int({ message: "Choose 1 to 5" })
  .min(1, { message: "Choose 1 to 5" })
  .max(5, { message: "Choose 1 to 5" })
  .nullable();

export const checkInParams = z.object({
  day: daySchema,
  period: z.enum(CHECK_IN_PERIODS, { message: "Choose morning or evening" }),
});

/**
 * `PUT /api/check-ins/:day/:period`: today's morning or evening check-in, replaced whole. A day other
 * than the practitioner's today answers 409: a check-in is changed only on its own day.
 */
export const putCheckInInput = z
  .strictObject({
    energy: scale,
    mood: scale,
    sleep: scale,
    stress: scale,
    /** One line; blank clears it. */
    note: plainText(140)
      .refine((value) => !/[\r\n]/.test(value), { message: "Keep the note to one line" })
      .transform((value) => (value === "" ? null : value))
      .nullable(),
  })
  .refine((answers) => Object.values(answers).some((value) => value !== null), {
    message: "Answer at least one question or write a note",
  });

/** `GET /api/check-ins?from=&to=`: by day, at most a year at once; the last 30 days when left out. */
export const checkInRangeQuery = z
  .strictObject({ from: daySchema.optional(), to: daySchema.optional() })
  .refine((range) => !range.from || !range.to || range.from <= range.to, {
    message: "The range must end on or after the day it starts",
    path: ["to"],
  });

export const checkInSchema = z.object({
  day: daySchema,
  period: z.enum(CHECK_IN_PERIODS),
  energy: z.number().int().nullable(),
  mood: z.number().int().nullable(),
  sleep: z.number().int().nullable(),
  stress: z.number().int().nullable(),
  note: z.string().nullable(),
  updatedAt: z.string(),
});

export const checkInListResponse = z.object({
  /** The practitioner's day now: the only day whose check-ins can change. */
  today: daySchema,
  from: daySchema,
  to: daySchema,
  items: z.array(checkInSchema),
});

export type PutCheckInInput = z.output<typeof putCheckInInput>;
export type PutCheckInFormValues = z.input<typeof putCheckInInput>;
export type CheckIn = z.infer<typeof checkInSchema>;
export type CheckInListResponse = z.infer<typeof checkInListResponse>;
