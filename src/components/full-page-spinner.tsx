import { LoaderCircleIcon } from "lucide-react";

/** A full-screen spinner while a signed-out page (sign-in, intake form) loads. */
export function FullPageSpinner() {
  return (
    <div role="status" className="flex min-h-dvh items-center justify-center text-muted-foreground">
      <LoaderCircleIcon aria-hidden="true" className="size-6 animate-spin" />
      <span className="sr-only">Loading…</span>
    </div>
  );
}
