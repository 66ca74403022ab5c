"use client";

import { useEffect } from "react";

/**
 * A render error caught by an error boundary never reaches `window.onerror`, so the browser's error
 * reporting (Sentry, when configured) would miss it: raise it there. Errors from Server Components
 * carry a `digest` and were already reported by the server.
 */
export function useReportCaughtError(error: unknown): void {
  useEffect(() => {
    const reportedByServer = error instanceof Error && "digest" in error && Boolean(error.digest);
    if (!reportedByServer) window.reportError(error);
  }, [error]);
}
