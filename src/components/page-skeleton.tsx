import { Skeleton } from "@/components/ui/skeleton";

/** Shown inside the shell while a signed-in page loads (each section's loading.tsx), shaped like the page that is coming. */
export function PageSkeleton() {
  return (
    <div role="status" aria-live="polite" className="grid gap-8">
      <span className="sr-only">Loading…</span>
      <div className="grid gap-3">
        <Skeleton className="h-8 w-40" />
        <Skeleton className="h-4 w-72 max-w-full" />
      </div>
      <Skeleton className="h-72 w-full rounded-xl" />
    </div>
  );
}
