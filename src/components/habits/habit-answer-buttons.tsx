"use client";

import { CheckIcon, MinusIcon, XIcon, type LucideIcon } from "lucide-react";
import type { Habit, HabitStatusValue } from "@/lib/contracts/habits";
import { cn } from "@/lib/utils";

const ANSWERS: readonly { status: HabitStatusValue; label: string; icon: LucideIcon; on: string }[] = [
  { status: "yes", label: "Done", icon: CheckIcon, on: "border-success bg-success text-background" },
  { status: "no", label: "Not done", icon: XIcon, on: "border-destructive bg-destructive text-destructive-foreground" },
  { status: "skip", label: "Skip", icon: MinusIcon, on: "border-foreground/40 bg-muted text-foreground" },
];

/**
 * Today's answer for one habit: three toggle buttons (Tab to reach, Space or Enter to press); pressing the
 * chosen one again clears it.
 */
export function HabitAnswerButtons({
  habit,
  status,
  disabled,
  onAnswer,
}: {
  habit: Habit;
  status: HabitStatusValue | null;
  disabled?: boolean;
  onAnswer: (status: HabitStatusValue | null) => void;
}) {
  return (
    <div role="group" aria-label={`Today: ${habit.name}`} className="flex shrink-0 gap-1.5">
      {ANSWERS.map(({ status: value, label, icon: Icon, on }) => {
        const pressed = status === value;
        return (
          <button
            key={value}
            type="button"
            aria-pressed={pressed}
            aria-label={`${label}: ${habit.name}`}
            title={label}
            disabled={disabled}
            onClick={() => onAnswer(pressed ? null : value)}
            className={cn(
              "flex size-10 items-center justify-center rounded-full border-2 border-input bg-card text-muted-foreground transition-colors",
              "hover:bg-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring disabled:opacity-60",
              pressed && on,
            )}
          >
            <Icon aria-hidden="true" className="size-5" />
          </button>
        );
      })}
    </div>
  );
}
