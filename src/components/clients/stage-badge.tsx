import { STAGE_BADGE_CLASSES } from "@/lib/contact-display";
import type { LifecycleStage } from "@/lib/contracts/contacts";
import { cn } from "@/lib/utils";

/** The client's lifecycle stage as a coloured label. */
export function StageBadge({ stage, className }: { stage: LifecycleStage; className?: string }) {
  return (
    <span
      title={stage}
      className={cn(
        "inline-flex max-w-full items-center truncate rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap",
        STAGE_BADGE_CLASSES[stage],
        className,
      )}
    >
      {stage}
    </span>
  );
}
