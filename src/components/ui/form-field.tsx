"use client";

import { useId, type ReactNode } from "react";
import { cn } from "@/lib/utils";
import { Label } from "./label";

export interface FieldControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

export interface FormFieldProps {
  label: string;
  /** Shown under the label, always read with the control (e.g. "At least 12 characters"). */
  hint?: string | undefined;
  error?: string | undefined;
  className?: string;
  /** Renders the control with the ids that tie it to its label, hint and error. */
  children: (control: FieldControlProps) => ReactNode;
}

/** Label, control, hint and error text, wired for screen readers (`aria-describedby`, `aria-invalid`). */
export function FormField({ label, hint, error, className, children }: FormFieldProps) {
  const id = useId();
  // An error replaces the hint: it says the same thing, more pointedly.
  const hintId = hint && !error ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div data-slot="form-field" className={cn("grid gap-2", className)}>
      <Label htmlFor={id}>{label}</Label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hintId && (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-sm font-medium text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
