import { cn } from "@/lib/utils";

/** Marks a client an intake form brought in that the practitioner has not opened yet. */
export function NewFromIntakeBadge({ className }: { className?: string }) {
  return (
    <span
      className={cn(
        "inline-flex shrink-0 items-center rounded-full bg-primary px-2 py-0.5 text-xs font-medium whitespace-nowrap text-primary-foreground",
        className,
      )}
    >
      New from intake
    </span>
  );
}
