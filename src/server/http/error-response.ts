import { z } from "@/lib/zod";
import type { ErrorBody } from "@/lib/contracts/errors";
import { AppError, isAppError } from "./app-error";

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

export function errorResponse(error: AppError, requestId: string, headers: Headers = new Headers()): Response {
  const body: ErrorBody = {
    error: {
      code: error.code,
      message: error.message,
      requestId,
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  };
  for (const [name, value] of Object.entries(error.headers)) headers.set(name, value);
  headers.set("content-type", "application/json; charset=utf-8");
  headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(body), { status: error.status, headers });
}
