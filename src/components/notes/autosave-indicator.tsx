"use client";

import { CheckIcon, CloudOffIcon, LoaderCircleIcon, PenLineIcon, type LucideIcon } from "lucide-react";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import { cn } from "@/lib/utils";
import type { AutosaveState } from "./autosave-queue";

/** Words, icon and tone for each autosave state: one row per state. */
const LOOKS: {
  [K in AutosaveState["kind"]]: (
    state: Extract<AutosaveState, { kind: K }>,
    time: (at: Date) => string,
  ) => [LucideIcon | null, string, string];
} = {
  idle: () => [null, "", ""],
  pending: () => [PenLineIcon, "Unsaved changes", "text-muted-foreground"],
  saving: () => [LoaderCircleIcon, "Saving…", "text-muted-foreground"],
  saved: (state, time) => [CheckIcon, `Saved ${time(state.at)}`, "text-success"],
  retrying: () => [CloudOffIcon, "Couldn't save — retrying", "text-destructive"],
  refused: (state) => [CloudOffIcon, `Couldn't save: ${state.message}`, "text-destructive"],
};

/** "Saving… / Saved 14:32 / Couldn't save — retrying", announced politely to screen readers. */
export function AutosaveIndicator({ state, className }: { state: AutosaveState; className?: string }) {
  const format = usePractitionerFormat();
  const look = LOOKS[state.kind] as (
    state: AutosaveState,
    time: (at: Date) => string,
  ) => [LucideIcon | null, string, string];
  const [Icon, text, tone] = look(state, format.time);
  return (
    <p
      role="status"
      aria-live="polite"
      data-state={state.kind}
      className={cn("flex min-h-5 items-center gap-1.5 text-xs", tone, className)}
    >
      {Icon && <Icon aria-hidden="true" className={cn("size-3.5", state.kind === "saving" && "animate-spin")} />}
      {text}
    </p>
  );
}
