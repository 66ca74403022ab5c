import { AppError } from "@/server/errors";

/** The exclusion constraint refused the time: it overlaps another session or its buffers. */
export const SLOT_TAKEN_MESSAGE = "This time overlaps another session (or the buffer around it)";

/** What the database's refusals of an appointment write mean to the caller. */
export const APPOINTMENT_REFUSALS = {
  "23P01": () => new AppError("conflict", SLOT_TAKEN_MESSAGE),
  "23503": () => AppError.notFound("Client or session type"),
};
