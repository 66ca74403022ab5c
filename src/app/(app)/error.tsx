"use client";

import { ErrorPanel } from "@/components/error-panel";

export default function SignedInError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} retry={retry} />;
}
