"use client";

import { XIcon } from "lucide-react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** One working range: two time inputs and a remove button, labelled for a screen reader by the day. */
export function RangeRow({
  label,
  start,
  end,
  invalid,
  describedBy,
  onRemove,
}: {
  /** "Monday, range 1" */
  label: string;
  start: UseFormRegisterReturn;
  end: UseFormRegisterReturn;
  invalid: boolean;
  describedBy: string | undefined;
  /** Absent: the range cannot be removed (different hours on an override need at least one). */
  onRemove?: (() => void) | undefined;
}) {
  return (
    <div
      role="group"
      aria-label={label}
      className="grid max-w-sm grid-cols-[minmax(0,1fr)_auto_minmax(0,1fr)_auto] items-center gap-2"
    >
      <Input
        {...start}
        type="time"
        step={300}
        aria-label={`${label} from`}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className="min-w-0"
      />
      <span aria-hidden="true" className="text-muted-foreground">
        –
      </span>
      <Input
        {...end}
        type="time"
        step={300}
        aria-label={`${label} to`}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className="min-w-0"
      />
      {onRemove ? (
        <Button type="button" variant="ghost" size="icon" aria-label={`Remove ${label}`} onClick={onRemove}>
          <XIcon aria-hidden="true" />
        </Button>
      ) : (
        <span aria-hidden="true" className="size-10" />
      )}
    </div>
  );
}
