"use client";

import Link from "next/link";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import { HabitRow } from "@/components/habits/habit-row";
import { useHabits } from "@/components/habits/use-habits";
import type { HabitListResponse } from "@/lib/contracts/habits";

/** Home's habits: the ones due today, to tick without leaving the page. */
export function HomeHabits({ initial }: { initial: HabitListResponse }) {
  const { settings } = usePractitionerFormat();
  const { data = initial } = useHabits(initial);
  const active = data.items.filter((habit) => !habit.archived);
  const due = active.filter((habit) => habit.dueToday);
  const paused = data.pause !== null && data.pause.pausedFrom <= data.today;
  if (active.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        No habits yet.{" "}
        <Link href="/habits" className="font-medium text-foreground underline underline-offset-4">
          Add one on the Habits page
        </Link>{" "}
        — a walk at lunch, stretching between sessions — and tick it off here each day.
      </p>
    );
  }
  if (paused) return <p className="text-sm text-muted-foreground">Your habits are paused. Enjoy the break.</p>;
  if (due.length === 0) return <p className="text-sm text-muted-foreground">Nothing due today.</p>;
  return (
    <ul className="grid gap-2">
      {due.map((habit) => (
        <HabitRow
          key={habit.id}
          habit={habit}
          today={data.today}
          weekStart={settings.weekStart === "sunday" ? 0 : 1}
          details={false}
        />
      ))}
    </ul>
  );
}
