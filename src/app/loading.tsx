import { LoaderCircleIcon } from "lucide-react";

export default function Loading() {
  return (
    <div role="status" className="flex min-h-dvh items-center justify-center text-muted-foreground">
      <LoaderCircleIcon aria-hidden="true" className="size-6 animate-spin" />
      <span className="sr-only">Loading…</span>
    </div>
  );
}
