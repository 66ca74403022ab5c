import { AppError } from "@/server/errors";

/** The SQLSTATE of a Postgres error, whether thrown by a driver or wrapped by Drizzle. */
export function sqlState(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** What a refused write means to the caller; anything else stays a server error. */
const STATE_ERRORS: Record<string, () => AppError> = {
  "23505": () => new AppError("conflict", "This would duplicate something that already exists"),
  "23503": () => AppError.notFound(),
  "23514": () => new AppError("validation_failed", "Some fields are invalid"),
  "22001": () => new AppError("validation_failed", "A value is too long"),
  "42501": () => AppError.notFound(),
};

/**
 * A date, time zone or number Postgres cannot read. Statements run with `withCallerValues` take
 * their parameters from the caller (filters, cursors), so this is the caller's to correct.
 */
const UNREADABLE_VALUE_ERRORS: Record<string, () => AppError> = Object.fromEntries(
  ["22007", "22008", "22009", "22003", "22P02"].map((state) => [
    state,
    () => new AppError("validation_failed", "A date or number in the request is out of range"),
  ]),
);

async function withStateErrors<T>(run: () => Promise<T>, errors: Record<string, () => AppError>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const state = sqlState(error);
    const known = state ? errors[state] : undefined;
    if (!known) throw error;
    const appError = known();
    throw new AppError(appError.code, appError.message, { cause: error, details: appError.details });
  }
}

/** Runs a write and turns constraint refusals into the one error type (the caller's rows only, so 404 not 403). */
export async function refusalsAsAppErrors<T>(write: () => Promise<T>, overrides: Record<string, () => AppError> = {}) {
  return withStateErrors(write, { ...STATE_ERRORS, ...overrides });
}

/** Runs a read of values the caller chose; one Postgres cannot read is a 422, never a 500. */
export async function withCallerValues<T>(read: () => Promise<T>): Promise<T> {
  return withStateErrors(read, UNREADABLE_VALUE_ERRORS);
}
