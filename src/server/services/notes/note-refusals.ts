import { SIGNED_NOTE_LOCKED } from "@/lib/contracts/notes";
import { AppError } from "@/server/errors";
import { refusalsAsAppErrors } from "@/server/services/contacts/database-errors";

/** SQLSTATE 55000: raised by the database's own sign-and-lock triggers (migration 0006). */
const LOCK_REFUSED = "55000";

export function signedNoteLocked(): AppError {
  return new AppError("conflict", SIGNED_NOTE_LOCKED);
}

/** Runs a note write; the database's lock refusal becomes the same 409 the service gives first. */
export function refusingLockedNotes<T>(write: () => Promise<T>, refusal: () => AppError = signedNoteLocked) {
  return refusalsAsAppErrors(write, { [LOCK_REFUSED]: refusal });
}
