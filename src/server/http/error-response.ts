import type { ErrorBody } from "@/lib/contracts/errors";
import type { AppError } from "@/server/errors";

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
