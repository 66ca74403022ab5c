import type { Habit, HabitDay } from "@/lib/contracts/habits";
import { weekdayOf } from "@/lib/format/practitioner-day";
import { cn } from "@/lib/utils";

function describe(day: HabitDay): string {
  if (day.paused) return "paused";
  if (day.status === "yes") return "done";
  if (day.status === "skip") return "skipped";
  if (day.status === "no") return "not done";
  return day.due ? "no answer" : "not due";
}

/**
 * The last 12 weeks of one habit, a column per week (starting on the practitioner's week start), in the
 * habit's colour. Screen readers get the counts in one label; each square names its day and answer on hover.
 */
export function HabitHeatmap({ habit, weekStart }: { habit: Habit; weekStart: 0 | 1 }) {
  const days = habit.recent;
  const first = days[0];
  const lead = first ? (weekdayOf(first.day) - weekStart + 7) % 7 : 0;
  const count = (test: (day: HabitDay) => boolean) => days.filter(test).length;
  const label =
    `${habit.name}, last 12 weeks: ${count((day) => !day.paused && day.status === "yes")} done, ` +
    `${count((day) => !day.paused && day.status === "no")} not done, ` +
    `${count((day) => !day.paused && day.status === "skip")} skipped, ${count((day) => day.paused)} paused`;
  return (
    <div
      role="img"
      aria-label={label}
      className="grid w-max grid-flow-col grid-rows-7 gap-0.5"
      data-testid="habit-heatmap"
    >
      {Array.from({ length: lead }, (_, index) => (
        <span key={`lead-${index}`} className="size-2.5" />
      ))}
      {days.map((day) => (
        <span
          key={day.day}
          title={`${day.day}: ${describe(day)}`}
          className={cn(
            "size-2.5 rounded-[2px]",
            day.paused && "border border-dashed border-muted-foreground/50",
            !day.paused &&
              day.status === null &&
              (day.due ? "bg-muted" : "bg-transparent ring-1 ring-muted ring-inset"),
            !day.paused && day.status === "no" && "bg-destructive/35",
          )}
          style={
            day.paused
              ? undefined
              : day.status === "yes"
                ? { backgroundColor: habit.color }
                : day.status === "skip"
                  ? { backgroundColor: habit.color, opacity: 0.35 }
                  : undefined
          }
        />
      ))}
    </div>
  );
}
