import { ERROR_STATUS, type ErrorCode } from "@/lib/contracts/errors";
import { z } from "@/lib/zod";

/** The one error type. Its code decides the HTTP status; its message is safe to show. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: unknown; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = options.details;
    this.headers = options.headers ?? {};
  }

  static notFound(what = "Resource"): AppError {
    return new AppError("not_found", `${what} not found`);
  }

  static unauthorized(message = "Sign in to continue"): AppError {
    return new AppError("unauthorized", message);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Maps anything thrown to the one error type; unknown errors become a 500 that leaks nothing. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error instanceof z.ZodError) {
    return new AppError("validation_failed", "Some fields are invalid", {
      details: error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    });
  }
  return new AppError(
    "internal",
    "Something went wrong on our side. Try again, and contact support if it keeps happening.",
    {
      cause: error,
    },
  );
}
