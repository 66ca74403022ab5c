import { z } from "@/lib/zod";
import { instant, plainText } from "./contacts";

/** Contracts for `/api/appointments/*`, shared by the route handlers and the calendar. */

export const APPOINTMENT_STATUSES = [
  "scheduled",
  "confirmed",
  "completed",
  "cancelled_by_practitioner",
  "cancelled_by_client",
  "late_cancel",
  "no_show",
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const STATUS_LABELS: Record<AppointmentStatus, string> = {
  scheduled: "Scheduled",
  confirmed: "Confirmed",
  completed: "Completed",
  cancelled_by_practitioner: "Cancelled by you",
  cancelled_by_client: "Cancelled by the client",
  late_cancel: "Late cancellation",
  no_show: "No-show",
};

/** Statuses that still hold their time on the calendar (the exclusion constraint's statuses). */
export const TIME_HOLDING_STATUSES: readonly AppointmentStatus[] = ["scheduled", "confirmed", "completed"];
/** Statuses that may still change: the session has not been settled. */
export const OPEN_STATUSES: readonly AppointmentStatus[] = ["scheduled", "confirmed"];

/** Where each status may go; the settled ones go nowhere. */
export const STATUS_TRANSITIONS: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  scheduled: ["confirmed", "completed", "cancelled_by_practitioner", "cancelled_by_client", "late_cancel", "no_show"],
  confirmed: ["completed", "cancelled_by_practitioner", "cancelled_by_client", "late_cancel", "no_show"],
  completed: [],
  cancelled_by_practitioner: [],
  cancelled_by_client: [],
  late_cancel: [],
  no_show: [],
};

const notes = plainText(2000)
  .transform((value) => (value === "" ? null : value))
  .nullable();

/** An idempotency key as sent in the `Idempotency-Key` header or the body. */
export const idempotencyKey = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, { message: "Use printable ASCII without spaces" });

/** `POST /api/appointments`: the end follows from the session type's length unless given. */
export const createAppointmentInput = z
  .strictObject({
    contactId: z.uuid({ message: "Choose a client" }),
    sessionTypeId: z.uuid({ message: "Choose a session type" }),
    startsAt: instant,
    endsAt: instant.optional(),
    notes: notes.optional(),
    idempotencyKey: idempotencyKey.optional(),
  })
  .refine((value) => value.endsAt === undefined || value.endsAt > value.startsAt, {
    message: "The end must be after the start",
    path: ["endsAt"],
  });

/** `PATCH /api/appointments/:id`: move (a new start keeps the length unless an end is sent) or edit notes. */
export const updateAppointmentInput = z
  .strictObject({
    startsAt: instant.optional(),
    endsAt: instant.optional(),
    notes: notes.optional(),
  })
  .refine((value) => !value.startsAt || !value.endsAt || value.endsAt > value.startsAt, {
    message: "The end must be after the start",
    path: ["endsAt"],
  });

/** `POST /api/appointments/:id/status`. */
export const appointmentStatusInput = z.strictObject({
  status: z.enum([
    "confirmed",
    "completed",
    "cancelled_by_practitioner",
    "cancelled_by_client",
    "late_cancel",
    "no_show",
  ] as const satisfies readonly Exclude<AppointmentStatus, "scheduled">[]),
});
export type NewAppointmentStatus = z.output<typeof appointmentStatusInput>["status"];

export const appointmentIdParams = z.object({ id: z.uuid() });

/** `GET /api/appointments?from=&to=`: at most 100 days at a time. */
export const appointmentRangeQuery = z
  .object({ from: instant, to: instant })
  .refine((value) => value.to > value.from, { message: "`to` must be after `from`", path: ["to"] })
  .refine((value) => Date.parse(value.to) - Date.parse(value.from) <= 100 * 86_400_000, {
    message: "Ask for at most 100 days at a time",
    path: ["to"],
  });

export const appointmentSchema = z.object({
  id: z.uuid(),
  contactId: z.uuid(),
  contactName: z.string(),
  sessionTypeId: z.uuid(),
  sessionTypeName: z.string(),
  color: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  bufferBeforeMinutes: z.number().int(),
  bufferAfterMinutes: z.number().int(),
  status: z.enum(APPOINTMENT_STATUSES),
  notes: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  lateCancelledAt: z.string().nullable(),
  noShowAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const appointmentListResponse = z.object({ items: z.array(appointmentSchema) });

/** `GET /api/contacts/:id/appointments`: one client's sessions and what they say about attendance. */
export const contactAppointmentsResponse = z.object({
  upcoming: z.array(appointmentSchema),
  past: z.array(appointmentSchema),
  counts: z.object({ completed: z.number().int(), noShow: z.number().int(), lateCancel: z.number().int() }),
  lastVisitAt: z.string().nullable(),
  nextVisitAt: z.string().nullable(),
});

export type CreateAppointmentInput = z.output<typeof createAppointmentInput>;
export type UpdateAppointmentInput = z.output<typeof updateAppointmentInput>;
export type Appointment = z.infer<typeof appointmentSchema>;
export type ContactAppointments = z.infer<typeof contactAppointmentsResponse>;
