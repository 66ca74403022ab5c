"use client";

import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import type { Project, Task, Zone } from "@/lib/contracts/tasks";
import { formatCalendarWeekday } from "@/lib/format";
import type { TaskGroup } from "@/lib/tasks/task-groups";
import { TaskBulkBar } from "./task-bulk-bar";
import { TaskEditDialog } from "./task-edit-dialog";
import { TaskRow } from "./task-row";
import { useTaskMutations } from "./use-tasks";

/**
 * Grouped tasks with one tab stop: j/k (or the arrows) move between tasks, x completes, e or Enter edits,
 * Space ticks for the bulk actions.
 */
export function TaskList({
  groups,
  today,
  zones,
  projects,
  label,
  empty,
}: {
  /** Shown when there is no task; the list (and what it last announced) stays mounted. */
  empty: ReactNode;
  groups: readonly TaskGroup[];
  today: string;
  zones: readonly Zone[];
  projects: readonly Project[];
  label: string;
}) {
  const format = usePractitionerFormat();
  const ordered = useMemo(() => groups.flatMap((group) => group.tasks), [groups]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [ticked, setSelected] = useState<ReadonlySet<string>>(new Set());
  // Ticks of tasks no longer listed (completed, moved away) do not count.
  const selected = useMemo(
    () => new Set(ordered.filter((task) => ticked.has(task.id)).map((task) => task.id)),
    [ordered, ticked],
  );
  const [editing, setEditing] = useState<Task | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const rows = useRef(new Map<string, HTMLLIElement>());
  const mutations = useTaskMutations();
  const active = ordered.find((task) => task.id === activeId) ?? ordered[0];

  function focusTask(task: Task | undefined) {
    if (!task) return;
    setActiveId(task.id);
    rows.current.get(task.id)?.focus();
  }

  function complete(task: Task) {
    if (task.status === "done" || task.status === "cancelled") return;
    const index = ordered.indexOf(task);
    mutations.complete.mutate(task, {
      onSuccess: () => {
        setAnnouncement(`Completed “${task.title}”${task.recurrence ? "; the next one follows shortly" : ""}.`);
        const next = ordered[index + 1] ?? ordered[index - 1];
        if (next) setActiveId(next.id);
      },
      onError: (error) => setAnnouncement(`“${task.title}” could not be completed: ${error.message}`),
    });
  }

  function toggle(task: Task, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(task.id);
      else next.delete(task.id);
      return next;
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey || !active) return;
    if (!(event.target instanceof HTMLLIElement)) return;
    const index = ordered.indexOf(active);
    const actions: Record<string, () => void> = {
      j: () => focusTask(ordered[Math.min(index + 1, ordered.length - 1)]),
      ArrowDown: () => focusTask(ordered[Math.min(index + 1, ordered.length - 1)]),
      k: () => focusTask(ordered[Math.max(index - 1, 0)]),
      ArrowUp: () => focusTask(ordered[Math.max(index - 1, 0)]),
      Home: () => focusTask(ordered[0]),
      End: () => focusTask(ordered[ordered.length - 1]),
      x: () => complete(active),
      e: () => setEditing(active),
      Enter: () => setEditing(active),
      " ": () => toggle(active, !selected.has(active.id)),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  // After a completion the next task takes focus, if focus was in the list.
  useEffect(() => {
    const row = active ? rows.current.get(active.id) : undefined;
    if (row && document.activeElement?.closest("[data-task-list]") && document.activeElement !== row) row.focus();
  }, [active]);

  return (
    <div data-task-list="" onKeyDown={onKeyDown}>
      <TaskBulkBar
        selectedIds={[...selected]}
        zones={zones}
        projects={projects}
        onDone={(message) => {
          setSelected(new Set());
          setAnnouncement(message);
        }}
      />
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      {ordered.length === 0 ? (
        empty
      ) : (
        <p className="mb-2 hidden text-xs text-muted-foreground sm:block">
          Keys: j/k move · x complete · e edit · Space select · q add
        </p>
      )}
      {groups.map((group) => (
        <section key={group.key} aria-label={group.label ? `${label}: ${group.label}` : label} className="mb-5">
          {group.label && (
            <h2 className="mb-1 flex items-center gap-2 text-sm font-semibold text-muted-foreground">
              {group.color && (
                <span aria-hidden="true" className="size-2.5 rounded-full" style={{ backgroundColor: group.color }} />
              )}
              {group.day ? formatCalendarWeekday(group.day, format.settings) : group.label}
              {group.day === today && " · Today"}
              <span className="font-normal">({group.tasks.length})</span>
            </h2>
          )}
          <ul className="grid gap-0.5">
            {group.tasks.map((task) => (
              <TaskRow
                key={task.id}
                ref={(element) => {
                  if (element) rows.current.set(task.id, element);
                  else rows.current.delete(task.id);
                }}
                task={task}
                today={today}
                zone={zones.find((zone) => zone.id === task.zoneId)}
                project={projects.find((project) => project.id === task.projectId)}
                selected={selected.has(task.id)}
                active={task.id === active?.id}
                busy={mutations.complete.isPending && mutations.complete.variables?.id === task.id}
                onSelect={(on) => toggle(task, on)}
                onComplete={() => complete(task)}
                onEdit={() => setEditing(task)}
                onFocusRow={() => setActiveId(task.id)}
              />
            ))}
          </ul>
        </section>
      ))}
      <TaskEditDialog task={editing} zones={zones} projects={projects} onClose={() => setEditing(null)} />
    </div>
  );
}
