"use client";

import { useQueryClient } from "@tanstack/react-query";
import { MoreHorizontalIcon } from "lucide-react";
import { useState } from "react";
import { ConfirmActionDialog } from "@/components/confirm-action-dialog";
import { ErrorAlert } from "@/components/error-alert";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { apiRequest, isApiError } from "@/lib/api-client";
import { habitSchema, type Habit, type HabitScheduleInput } from "@/lib/contracts/habits";
import { queryKeys } from "@/lib/query-keys";
import { HabitAnswerButtons } from "./habit-answer-buttons";
import { HabitHeatmap } from "./habit-heatmap";
import { useAnswerHabit, useStoreHabit } from "./use-habits";

const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

export function scheduleText(schedule: HabitScheduleInput): string {
  if (schedule.kind === "daily") return "Every day";
  if (schedule.kind === "times_per_week") return `${schedule.timesPerWeek}× a week`;
  return schedule.weekdays.map((day) => DAY_NAMES[day]).join(", ");
}

export function streakText(habit: Habit): string {
  const { length, unit } = habit.streak;
  return `${length} ${unit === "weeks" ? (length === 1 ? "week" : "weeks") : length === 1 ? "day" : "days"}`;
}

/** One habit: today's answer, streak and strength; with `details`, the heat-map and its menu. */
export function HabitRow({
  habit,
  today,
  weekStart,
  details = true,
  onEdit,
}: {
  habit: Habit;
  today: string;
  weekStart: 0 | 1;
  details?: boolean;
  onEdit?: (habit: Habit) => void;
}) {
  const answer = useAnswerHabit();
  const pending = answer.isPending ? answer.variables : undefined;
  const status = pending ? pending.status : habit.todayStatus;
  const strength = Math.round(habit.strength * 100);
  const error = answer.error ? (isApiError(answer.error) ? answer.error.message : "Could not save the answer") : null;
  return (
    <li className="grid gap-3 rounded-xl border bg-card p-4" data-testid="habit-row">
      <div className="flex flex-wrap items-center gap-3">
        <span aria-hidden="true" className="size-3 shrink-0 rounded-full" style={{ backgroundColor: habit.color }} />
        <div className="min-w-0 flex-1">
          <h3 className="font-medium">{habit.name}</h3>
          <p className="text-sm text-muted-foreground">
            {scheduleText(habit.schedule)}
            {!habit.dueToday && " · not due today"} · streak {streakText(habit)} · strength{" "}
            <span className="tabular-nums">{strength}%</span>
          </p>
        </div>
        {!habit.archived && (
          <HabitAnswerButtons
            habit={habit}
            status={status}
            disabled={answer.isPending}
            onAnswer={(next) => answer.mutate({ habit, day: today, status: next })}
          />
        )}
        {details && <HabitMenu habit={habit} onEdit={onEdit} />}
      </div>
      <ErrorAlert message={error} />
      <div aria-hidden="true" className="h-1.5 overflow-hidden rounded-full bg-muted">
        <div className="h-full rounded-full" style={{ width: `${strength}%`, backgroundColor: habit.color }} />
      </div>
      {details && <HabitHeatmap habit={habit} weekStart={weekStart} />}
    </li>
  );
}

function HabitMenu({ habit, onEdit }: { habit: Habit; onEdit?: ((habit: Habit) => void) | undefined }) {
  const storeHabit = useStoreHabit();
  const queryClient = useQueryClient();
  const [deleting, setDeleting] = useState(false);
  const archive = async (archived: boolean) => {
    storeHabit(
      await apiRequest(`/api/habits/${habit.id}`, { method: "PATCH", body: { archived }, schema: habitSchema }),
    );
  };
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={`More for ${habit.name}`}>
            <MoreHorizontalIcon aria-hidden="true" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          {onEdit && <DropdownMenuItem onSelect={() => onEdit(habit)}>Edit</DropdownMenuItem>}
          <DropdownMenuItem onSelect={() => void archive(!habit.archived)}>
            {habit.archived ? "Restore" : "Archive"}
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => setDeleting(true)}>Delete…</DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <ConfirmActionDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={`Delete “${habit.name}”?`}
        description="Its answers go with it. Archive it instead to keep its history."
        confirmLabel="Delete habit"
        pendingLabel="Deleting…"
        variant="destructive"
        fallbackError="Could not delete the habit. Try again."
        onConfirm={async () => {
          await apiRequest(`/api/habits/${habit.id}`, { method: "DELETE" });
          await queryClient.invalidateQueries({ queryKey: queryKeys.habits });
        }}
      />
    </>
  );
}
