"use client";

import { ErrorPanel } from "@/components/error-panel";
import { useReportCaughtError } from "@/components/use-report-caught-error";

/** Inside the shell: the navigation stays usable while this page offers a retry. */
export default function SignedInError({ error, retry }: { error: unknown; retry: () => void }) {
  useReportCaughtError(error);
  return <ErrorPanel error={error} retry={retry} />;
}
