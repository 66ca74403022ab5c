import { ERROR_STATUS, type ErrorCode } from "@/lib/contracts/errors";

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
