"use client";

import { ErrorPanel } from "@/components/error-panel";
import { useReportCaughtError } from "@/components/use-report-caught-error";

export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  useReportCaughtError(error);
  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      <ErrorPanel error={error} retry={retry} />
    </main>
  );
}
