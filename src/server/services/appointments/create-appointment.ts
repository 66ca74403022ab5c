import { and, eq, sql } from "drizzle-orm";
import { createAppointmentInput, type Appointment, type CreateAppointmentInput } from "@/lib/contracts/appointments";
import { withUserDb } from "@/server/db";
import { appointments, sessionTypes } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "../contacts/context";
import { refusalsAsAppErrors, sqlState } from "../contacts/database-errors";
import { APPOINTMENT_REFUSALS } from "./appointment-errors";
import { selectAppointment, selectAppointments } from "./appointment-row";

export { createAppointmentInput };

const KEY_REUSED = () =>
  new AppError("validation_failed", "This idempotency key was already used for a different booking");

/** A repeat of the request the key first booked: same client, type and start. */
function sameRequest(existing: Appointment, input: CreateAppointmentInput): boolean {
  return (
    existing.contactId === input.contactId &&
    existing.sessionTypeId === input.sessionTypeId &&
    existing.startsAt === input.startsAt &&
    (input.endsAt === undefined || existing.endsAt === input.endsAt)
  );
}

async function bookedWithKey(userId: string, key: string): Promise<Appointment | null> {
  const [existing] = await withUserDb(userId, (tx) => selectAppointments(tx, userId, sql`a.idempotency_key = ${key}`));
  return existing ?? null;
}

/**
 * Books a session. The end follows from the session type's length unless given, and the type's
 * buffers are copied onto the appointment. A time that overlaps another session's busy range is a
 * 409 (the database's exclusion constraint decides, so two racing requests cannot both win). With an
 * idempotency key, sending the same request again returns the first booking instead of a second one.
 */
export async function createAppointment(context: UserContext, input: CreateAppointmentInput): Promise<Appointment> {
  const key = input.idempotencyKey;
  if (key !== undefined) {
    const existing = await bookedWithKey(context.userId, key);
    if (existing) {
      if (!sameRequest(existing, input)) throw KEY_REUSED();
      return existing;
    }
  }
  try {
    return await refusalsAsAppErrors(
      () =>
        withUserDb(context.userId, async (tx) => {
          const [sessionType] = await tx
            .select()
            .from(sessionTypes)
            .where(and(eq(sessionTypes.userId, context.userId), eq(sessionTypes.id, input.sessionTypeId)));
          if (!sessionType) throw AppError.notFound("Session type");
          if (sessionType.archivedAt !== null)
            throw new AppError("conflict", "This session type is archived: choose another or restore it");
          const startsAt = new Date(input.startsAt);
          const endsAt = input.endsAt
            ? new Date(input.endsAt)
            : new Date(startsAt.getTime() + sessionType.durationMinutes * 60_000);
          if (endsAt.getTime() - startsAt.getTime() > 24 * 3_600_000)
            throw new AppError("validation_failed", "A session lasts at most 24 hours");
          const [row] = await tx
            .insert(appointments)
            .values({
              userId: context.userId,
              contactId: input.contactId,
              sessionTypeId: sessionType.id,
              startsAt,
              endsAt,
              bufferBeforeMinutes: sessionType.bufferBeforeMinutes,
              bufferAfterMinutes: sessionType.bufferAfterMinutes,
              notes: input.notes ?? null,
              idempotencyKey: key ?? null,
            })
            .returning({ id: appointments.id });
          if (!row) throw new Error("the appointment was not written");
          await recordAuditEvent(tx, {
            userId: context.userId,
            action: "appointment.booked",
            target: { type: "appointment", id: row.id },
            metadata: { contactId: input.contactId, sessionTypeId: sessionType.id, status: "scheduled" },
          });
          const appointment = await selectAppointment(tx, context.userId, row.id);
          if (!appointment) throw new Error("a booked appointment could not be read back");
          return appointment;
        }),
      APPOINTMENT_REFUSALS,
    );
  } catch (error) {
    // The same key sent twice at once: the other request booked first, so this one answers with its booking.
    if (key !== undefined && sqlState(error) === "23505") {
      const existing = await bookedWithKey(context.userId, key);
      if (existing && sameRequest(existing, input)) return existing;
      if (existing) throw KEY_REUSED();
    }
    throw error;
  }
}
