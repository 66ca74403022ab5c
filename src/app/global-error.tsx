"use client";

import { useEffect } from "react";
import { ErrorPanel } from "@/components/error-panel";
import "./globals.css";

/** The last error boundary: it replaces the root layout, reports the error, and offers a retry. */
export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  useEffect(() => {
    // Loaded only on a crash, and only when error reporting was configured at build.
    if (!process.env.NEXT_PUBLIC_SENTRY_DSN) return;
    void import("@sentry/nextjs").then((Sentry) => Sentry.captureException(error));
  }, [error]);

  return (
    <html lang="en">
      <body>
        <main className="flex min-h-dvh items-center justify-center px-4">
          <ErrorPanel error={error} retry={retry} />
        </main>
      </body>
    </html>
  );
}
