import { AppError } from "@/server/http/app-error";

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

/** Runs a write and turns constraint refusals into the one error type (the caller's rows only, so 404 not 403). */
export async function refusalsAsAppErrors<T>(write: () => Promise<T>, overrides: Record<string, () => AppError> = {}) {
  try {
    return await write();
  } catch (error) {
    const state = sqlState(error);
    const known = state ? (overrides[state] ?? STATE_ERRORS[state]) : undefined;
    if (!known) throw error;
    const appError = known();
    throw new AppError(appError.code, appError.message, { cause: error });
  }
}
