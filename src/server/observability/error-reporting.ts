import * as Sentry from "@sentry/nextjs";

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
