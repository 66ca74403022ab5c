import type { LucideIcon } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";

/** A page's primary action when this installation cannot perform it yet: shown disabled, with the reason beside it. */
export function UnavailableAction({ icon: Icon, label, reason }: { icon: LucideIcon; label: string; reason: string }) {
  const reasonId = useId();
  return (
    <>
      <Button disabled aria-describedby={reasonId}>
        <Icon aria-hidden="true" />
        {label}
      </Button>
      <p id={reasonId} className="text-xs text-muted-foreground">
        {reason}
      </p>
    </>
  );
}
