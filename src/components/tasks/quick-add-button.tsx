"use client";

import { PlusIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { useQuickAdd, type QuickAddPreset } from "./quick-add-provider";

/** Opens the quick-add; `compact` is the phone header's icon button. */
export function QuickAddButton({
  compact = false,
  preset,
  label = "Add task",
  className,
}: {
  compact?: boolean;
  preset?: QuickAddPreset;
  label?: string;
  className?: string;
}) {
  const quickAdd = useQuickAdd();
  return (
    <Button
      type="button"
      variant={compact ? "ghost" : "outline"}
      size={compact ? "icon" : "default"}
      className={cn(compact && "size-10", className)}
      aria-label={compact ? label : undefined}
      aria-keyshortcuts={preset ? undefined : "q"}
      onClick={() => quickAdd.open(preset)}
    >
      <PlusIcon aria-hidden="true" />
      {!compact && <span>{label}</span>}
      {!compact && !preset && (
        <kbd className="ml-1 hidden rounded border bg-muted px-1.5 text-xs text-muted-foreground sm:inline">Q</kbd>
      )}
    </Button>
  );
}
