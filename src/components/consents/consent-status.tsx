import { CircleCheckIcon, CircleMinusIcon, CircleSlashIcon, CircleDashedIcon, type LucideIcon } from "lucide-react";
import type { ConsentDecision } from "@/lib/contracts/consents";
import { cn } from "@/lib/utils";

const STATUS: Record<ConsentDecision | "none", { label: string; icon: LucideIcon; className: string }> = {
  granted: { label: "Granted", icon: CircleCheckIcon, className: "bg-emerald-50 text-emerald-800 border-emerald-200" },
  declined: { label: "Declined", icon: CircleMinusIcon, className: "bg-muted text-muted-foreground border-border" },
  withdrawn: { label: "Withdrawn", icon: CircleSlashIcon, className: "bg-amber-50 text-amber-900 border-amber-200" },
  none: { label: "Not asked", icon: CircleDashedIcon, className: "bg-card text-muted-foreground border-dashed" },
};

/** A consent decision as a small labelled badge (text and icon, never colour alone). */
export function ConsentStatus({ decision }: { decision: ConsentDecision | null }) {
  const status = STATUS[decision ?? "none"];
  const Icon = status.icon;
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium",
        status.className,
      )}
    >
      <Icon aria-hidden="true" className="size-3.5" />
      {status.label}
    </span>
  );
}
