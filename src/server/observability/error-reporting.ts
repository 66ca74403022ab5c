import * as Sentry from "@sentry/nextjs";
import type { Instrumentation } from "next";
import { rootLogger } from "./logger";

/** Sends an unexpected error to Sentry (a no-op when Sentry was not initialised). */
export function reportError(
  error: unknown,
  tags: { requestId: string; route: string; userId?: string | undefined },
): void {
  Sentry.withScope((scope) => {
    scope.setTag("requestId", tags.requestId);
    scope.setTag("route", tags.route);
    if (tags.userId) scope.setUser({ id: tags.userId });
    Sentry.captureException(error);
  });
}

type RequestErrorArgs = Parameters<Instrumentation.onRequestError>;

/** `onRequestError`: an error Next.js caught while rendering or routing goes to the log and to Sentry. */
export function reportRequestError(error: unknown, request: RequestErrorArgs[1], context: RequestErrorArgs[2]): void {
  rootLogger.error(
    { err: error, method: request.method, route: context.routePath, routeType: context.routeType },
    "unhandled request error",
  );
  Sentry.captureRequestError(error, request, context);
}
