import { sql } from "drizzle-orm";
import {
  appointmentIdParams,
  appointmentStatusInput,
  STATUS_LABELS,
  STATUS_TRANSITIONS,
  type Appointment,
  type AppointmentStatus,
  type NewAppointmentStatus,
} from "@/lib/contracts/appointments";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "../contacts/context";
import { refusalsAsAppErrors } from "../contacts/database-errors";
import { APPOINTMENT_REFUSALS } from "./appointment-errors";
import { selectAppointment } from "./appointment-row";

export { appointmentStatusInput, appointmentIdParams as appointmentStatusParams };

/** The column each status stamps when the appointment enters it. */
const STAMP_COLUMN: Record<NewAppointmentStatus, string> = {
  confirmed: "confirmed_at",
  completed: "completed_at",
  cancelled_by_practitioner: "cancelled_at",
  cancelled_by_client: "cancelled_at",
  late_cancel: "late_cancelled_at",
  no_show: "no_show_at",
};

/** Statuses that say what happened at the session, so the session must have started. */
const AFTER_START: readonly AppointmentStatus[] = ["completed", "no_show"];

/**
 * Moves an appointment along its lifecycle (`STATUS_TRANSITIONS`), stamping the time and writing the
 * audit event in the same transaction. Completing a session makes its start the client's last visit
 * when it is later than the one on file.
 */
export async function changeAppointmentStatus(
  context: UserContext,
  input: { id: string; status: NewAppointmentStatus },
): Promise<Appointment> {
  return refusalsAsAppErrors(
    () =>
      withUserDb(context.userId, async (tx) => {
        const [current] = resultRows<{ status: AppointmentStatus; started: boolean; contact_id: string }>(
          await tx.execute(sql`
            select status, starts_at <= now() as started, contact_id from public.appointments
             where user_id = ${context.userId} and id = ${input.id} for update`),
        );
        if (!current) throw AppError.notFound("Appointment");
        if (!STATUS_TRANSITIONS[current.status].includes(input.status))
          throw new AppError(
            "conflict",
            `A session marked “${STATUS_LABELS[current.status]}” cannot become “${STATUS_LABELS[input.status]}”`,
          );
        if (AFTER_START.includes(input.status) && !current.started)
          throw new AppError(
            "conflict",
            `A session that has not started cannot be marked “${STATUS_LABELS[input.status]}”`,
          );
        await tx.execute(sql`
          update public.appointments
             set status = ${input.status}, ${sql.identifier(STAMP_COLUMN[input.status])} = now(), updated_at = now()
           where user_id = ${context.userId} and id = ${input.id}`);
        if (input.status === "completed") {
          await tx.execute(sql`
            update public.contacts c
               set last_visit_at = a.starts_at
              from public.appointments a
             where a.user_id = ${context.userId} and a.id = ${input.id}
               and c.user_id = a.user_id and c.id = a.contact_id
               and (c.last_visit_at is null or c.last_visit_at < a.starts_at)`);
        }
        await recordAuditEvent(tx, {
          userId: context.userId,
          action: "appointment.status_changed",
          target: { type: "appointment", id: input.id },
          metadata: { from: current.status, to: input.status, contactId: current.contact_id },
        });
        const appointment = await selectAppointment(tx, context.userId, input.id);
        if (!appointment) throw AppError.notFound("Appointment");
        return appointment;
      }),
    APPOINTMENT_REFUSALS,
  );
}
