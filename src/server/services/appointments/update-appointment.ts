import { sql } from "drizzle-orm";
import {
  appointmentIdParams,
  OPEN_STATUSES,
  updateAppointmentInput,
  type Appointment,
  type UpdateAppointmentInput,
} from "@/lib/contracts/appointments";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "../contacts/context";
import { refusalsAsAppErrors } from "../contacts/database-errors";
import { APPOINTMENT_REFUSALS } from "./appointment-errors";
import { selectAppointment } from "./appointment-row";

export { updateAppointmentInput, appointmentIdParams as updateAppointmentParams };

/**
 * Moves an appointment (a new start keeps its length unless an end is sent) or edits its notes. Only
 * a session still scheduled or confirmed moves; a new time that overlaps another session is a 409.
 */
export async function updateAppointment(
  context: UserContext,
  input: { id: string; changes: UpdateAppointmentInput },
): Promise<Appointment> {
  const { startsAt, endsAt, notes } = input.changes;
  return refusalsAsAppErrors(
    () =>
      withUserDb(context.userId, async (tx) => {
        const [current] = resultRows<{ starts_at: Date | string; ends_at: Date | string; status: string }>(
          await tx.execute(sql`
            select starts_at, ends_at, status from public.appointments
             where user_id = ${context.userId} and id = ${input.id} for update`),
        );
        if (!current) throw AppError.notFound("Appointment");
        const moving = startsAt !== undefined || endsAt !== undefined;
        if (moving) {
          if (!OPEN_STATUSES.includes(current.status as never))
            throw new AppError("conflict", "Only a scheduled or confirmed session can be moved");
          const oldStart = new Date(current.starts_at);
          const oldEnd = new Date(current.ends_at);
          const newStart = startsAt ? new Date(startsAt) : oldStart;
          const newEnd = endsAt
            ? new Date(endsAt)
            : new Date(newStart.getTime() + (oldEnd.getTime() - oldStart.getTime()));
          if (newEnd <= newStart) throw new AppError("validation_failed", "The end must be after the start");
          if (newEnd.getTime() - newStart.getTime() > 24 * 3_600_000)
            throw new AppError("validation_failed", "A session lasts at most 24 hours");
          await tx.execute(sql`
            update public.appointments
               set starts_at = ${newStart.toISOString()}, ends_at = ${newEnd.toISOString()}, updated_at = now()
             where user_id = ${context.userId} and id = ${input.id}`);
          await recordAuditEvent(tx, {
            userId: context.userId,
            action: "appointment.moved",
            target: { type: "appointment", id: input.id },
            metadata: {
              fromStartsAt: oldStart.toISOString(),
              toStartsAt: newStart.toISOString(),
              toEndsAt: newEnd.toISOString(),
            },
          });
        }
        if (notes !== undefined) {
          await tx.execute(sql`
            update public.appointments set notes = ${notes}, updated_at = now()
             where user_id = ${context.userId} and id = ${input.id}`);
          await recordAuditEvent(tx, {
            userId: context.userId,
            action: "appointment.updated",
            target: { type: "appointment", id: input.id },
            metadata: { fields: "notes" },
          });
        }
        const appointment = await selectAppointment(tx, context.userId, input.id);
        if (!appointment) throw AppError.notFound("Appointment");
        return appointment;
      }),
    APPOINTMENT_REFUSALS,
  );
}
