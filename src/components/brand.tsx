import { SproutIcon } from "lucide-react";
import { cn } from "@/lib/utils";

/** The OmniCRM mark and name. */
export function Brand({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2.5 font-semibold tracking-tight", className)}>
      <span className="flex size-8 items-center justify-center rounded-lg bg-primary text-primary-foreground shadow-sm">
        <SproutIcon aria-hidden="true" className="size-[1.125rem]" />
      </span>
      <span className="text-lg">OmniCRM</span>
    </span>
  );
}
