"use client";

import { CalendarIcon, CheckIcon, FlagIcon, RepeatIcon, TriangleAlertIcon } from "lucide-react";
import Link from "next/link";
import { forwardRef } from "react";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import type { Project, Task, Zone } from "@/lib/contracts/tasks";
import { formatCalendarWeekday, formatClockTime } from "@/lib/format";
import { describeRecurrence } from "@/lib/tasks/describe-recurrence";
import { cn } from "@/lib/utils";

const PRIORITY_STYLE: Record<number, string> = {
  1: "text-red-700 dark:text-red-400",
  2: "text-amber-700 dark:text-amber-400",
  3: "text-blue-700 dark:text-blue-400",
};

export interface TaskRowProps {
  task: Task;
  today: string;
  zone: Zone | undefined;
  project: Project | undefined;
  selected: boolean;
  active: boolean;
  busy: boolean;
  onSelect: (selected: boolean) => void;
  onComplete: () => void;
  onEdit: () => void;
  onFocusRow: () => void;
}

/** One task: a complete button, a tick box for bulk actions, the title (opens the editor) and its details. */
export const TaskRow = forwardRef<HTMLLIElement, TaskRowProps>(function TaskRow(
  { task, today, zone, project, selected, active, busy, onSelect, onComplete, onEdit, onFocusRow },
  ref,
) {
  const format = usePractitionerFormat();
  const closed = task.status === "done" || task.status === "cancelled";
  const overdue = !closed && task.dueDate !== null && task.dueDate < today;
  return (
    <li
      ref={ref}
      tabIndex={active ? 0 : -1}
      onFocus={onFocusRow}
      data-task-id={task.id}
      aria-label={task.title}
      className={cn(
        "flex items-start gap-3 rounded-lg border border-transparent px-2 py-2 outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/30",
        selected && "bg-accent/60",
      )}
    >
      <input
        type="checkbox"
        tabIndex={-1}
        aria-label={`Select ${task.title}`}
        checked={selected}
        onChange={(event) => onSelect(event.target.checked)}
        className="mt-1 size-4 shrink-0 cursor-pointer accent-primary"
      />
      <button
        type="button"
        tabIndex={-1}
        disabled={busy || closed}
        onClick={onComplete}
        aria-label={
          closed ? `${task.title} is ${task.status === "done" ? "done" : "cancelled"}` : `Complete ${task.title}`
        }
        className={cn(
          "mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full border-2 border-muted-foreground/60 hover:border-primary disabled:cursor-default",
          closed && "border-primary bg-primary text-primary-foreground",
        )}
      >
        {closed && <CheckIcon aria-hidden="true" className="size-3" />}
      </button>
      <div className="min-w-0 flex-1">
        <button
          type="button"
          tabIndex={-1}
          onClick={onEdit}
          className={cn("text-left font-medium hover:underline", closed && "text-muted-foreground line-through")}
        >
          {task.title}
        </button>
        <div className="mt-0.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
          {task.dueDate && (
            <span
              className={cn("inline-flex items-center gap-1", overdue && "font-medium text-red-700 dark:text-red-400")}
            >
              <CalendarIcon aria-hidden="true" className="size-3" />
              {overdue && <span className="sr-only">Overdue:</span>}
              {formatCalendarWeekday(task.dueDate, format.settings)}
              {task.dueTime && `, ${formatClockTime(task.dueTime, format.settings)}`}
            </span>
          )}
          {task.deadline && (
            <span className="inline-flex items-center gap-1">
              <TriangleAlertIcon aria-hidden="true" className="size-3" />
              Deadline {formatCalendarWeekday(task.deadline, format.settings)}
            </span>
          )}
          {task.recurrence && (
            <span className="inline-flex items-center gap-1">
              <RepeatIcon aria-hidden="true" className="size-3" />
              {describeRecurrence(task.recurrence)}
            </span>
          )}
          {task.priority < 4 && (
            <span className={cn("inline-flex items-center gap-1", PRIORITY_STYLE[task.priority])}>
              <FlagIcon aria-hidden="true" className="size-3" />P{task.priority}
            </span>
          )}
          {zone && (
            <span className="inline-flex items-center gap-1">
              <span aria-hidden="true" className="size-2 rounded-full" style={{ backgroundColor: zone.color }} />
              {zone.name}
            </span>
          )}
          {project && <span>{project.name}</span>}
          {task.contactId && task.contactName && (
            <Link href={`/clients/${task.contactId}`} tabIndex={-1} className="underline-offset-2 hover:underline">
              {task.contactName}
            </Link>
          )}
        </div>
      </div>
    </li>
  );
});
