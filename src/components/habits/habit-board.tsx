"use client";

import { PauseIcon, PlayIcon, PlusIcon, SproutIcon } from "lucide-react";
import { useState } from "react";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import { EmptyState } from "@/components/empty-state";
import { ErrorAlert } from "@/components/error-alert";
import { Button } from "@/components/ui/button";
import { isApiError } from "@/lib/api-client";
import type { Habit, HabitListResponse } from "@/lib/contracts/habits";
import { HabitFormDialog } from "./habit-form-dialog";
import { HabitRow } from "./habit-row";
import { PauseHabitsDialog } from "./pause-habits-dialog";
import { useHabits, usePauseHabits } from "./use-habits";

/** The habits page's list: today's answers, streaks, strength and heat-maps; add, edit, pause all. */
export function HabitBoard({ initial }: { initial: HabitListResponse }) {
  const { settings, calendarDate } = usePractitionerFormat();
  const weekStart = settings.weekStart === "sunday" ? 0 : 1;
  const { data = initial } = useHabits(initial);
  const [editing, setEditing] = useState<Habit | "new" | null>(null);
  const [pausing, setPausing] = useState(false);
  const resume = usePauseHabits();
  const active = data.items.filter((habit) => !habit.archived);
  const archived = data.items.filter((habit) => habit.archived);
  const { pause } = data;
  const pausedNow = pause !== null && pause.pausedFrom <= data.today;

  return (
    <section aria-labelledby="habits-heading" className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="habits-heading" className="text-lg font-semibold">
          Habits
        </h2>
        <div className="flex flex-wrap gap-2">
          {active.length > 0 && !pause && (
            <Button variant="outline" onClick={() => setPausing(true)}>
              <PauseIcon aria-hidden="true" />
              Pause all
            </Button>
          )}
          <Button onClick={() => setEditing("new")}>
            <PlusIcon aria-hidden="true" />
            Add habit
          </Button>
        </div>
      </div>
      {pause && (
        <div
          role="status"
          className="flex flex-wrap items-center justify-between gap-2 rounded-xl border border-dashed bg-card p-4 text-sm"
        >
          <p>
            {pausedNow ? "All habits are paused" : `All habits pause from ${calendarDate(pause.pausedFrom)}`}
            {pause.pausedUntil ? ` until ${calendarDate(pause.pausedUntil)}` : " until you resume"}. Paused days count
            neither for nor against them.
          </p>
          <Button variant="outline" size="sm" disabled={resume.isPending} onClick={() => resume.mutate(null)}>
            <PlayIcon aria-hidden="true" />
            {pausedNow ? "Resume now" : "Cancel pause"}
          </Button>
        </div>
      )}
      <ErrorAlert
        message={resume.error ? (isApiError(resume.error) ? resume.error.message : "Could not resume") : null}
      />
      {active.length === 0 ? (
        <EmptyState
          icon={SproutIcon}
          title="No habits yet"
          description="Add something small you want to keep up for yourself, like a walk at lunch or stretching between sessions. Tick it off each day here or on Home."
          action={
            <Button onClick={() => setEditing("new")}>
              <PlusIcon aria-hidden="true" />
              Add your first habit
            </Button>
          }
        />
      ) : (
        <ul className="grid gap-3">
          {active.map((habit) => (
            <HabitRow key={habit.id} habit={habit} today={data.today} weekStart={weekStart} onEdit={setEditing} />
          ))}
        </ul>
      )}
      {archived.length > 0 && (
        <details className="rounded-xl border p-4">
          <summary className="cursor-pointer text-sm font-medium">Archived ({archived.length})</summary>
          <ul className="mt-3 grid gap-3">
            {archived.map((habit) => (
              <HabitRow key={habit.id} habit={habit} today={data.today} weekStart={weekStart} onEdit={setEditing} />
            ))}
          </ul>
        </details>
      )}
      {editing !== null && (
        <HabitFormDialog
          open
          onOpenChange={(open) => !open && setEditing(null)}
          habit={editing === "new" ? null : editing}
          colorsInUse={data.items.map((habit) => habit.color)}
          weekStart={weekStart}
        />
      )}
      {pausing && <PauseHabitsDialog open today={data.today} onOpenChange={setPausing} />}
    </section>
  );
}
