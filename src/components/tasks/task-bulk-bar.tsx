"use client";

import { useState } from "react";
import { NativeSelect } from "@/components/clients/field-controls";
import { ErrorAlert } from "@/components/error-alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { BulkTaskInput, Project, Zone } from "@/lib/contracts/tasks";
import { useTaskMutations } from "./use-tasks";

/**
 * Actions on the ticked tasks, all or nothing on the server: complete, reschedule to a day (or none),
 * move to a project or zone.
 */
export function TaskBulkBar({
  selectedIds,
  zones,
  projects,
  onDone,
}: {
  selectedIds: readonly string[];
  zones: readonly Zone[];
  projects: readonly Project[];
  onDone: (message: string) => void;
}) {
  const { bulk } = useTaskMutations();
  const [day, setDay] = useState("");
  const [error, setError] = useState<string | null>(null);
  if (selectedIds.length === 0) return null;
  const ids = [...selectedIds];
  const count = `${ids.length} task${ids.length === 1 ? "" : "s"}`;

  function run(input: BulkTaskInput, message: string) {
    setError(null);
    bulk.mutate(input, { onSuccess: () => onDone(message), onError: (caught) => setError(caught.message) });
  }

  return (
    <section
      aria-label="Selected tasks"
      className="sticky top-14 z-10 mb-4 grid gap-2 rounded-lg border bg-card p-3 sm:top-0"
    >
      <p className="text-sm font-medium">{count} selected</p>
      <div className="flex flex-wrap items-end gap-2">
        <Button
          size="sm"
          disabled={bulk.isPending}
          onClick={() => run({ action: "complete", ids }, `Completed ${count}.`)}
        >
          Complete
        </Button>
        <div className="flex items-end gap-1">
          <label className="grid gap-1 text-xs">
            New due date
            <Input type="date" value={day} onChange={(event) => setDay(event.target.value)} className="h-9 w-40" />
          </label>
          <Button
            size="sm"
            variant="outline"
            disabled={bulk.isPending}
            onClick={() =>
              run(
                { action: "reschedule", ids, dueDate: day || null },
                day ? `Rescheduled ${count}.` : `Cleared the dates of ${count}.`,
              )
            }
          >
            Reschedule
          </Button>
        </div>
        <label className="grid gap-1 text-xs">
          Move to project
          <NativeSelect
            className="h-9 w-44"
            value=""
            disabled={bulk.isPending}
            onChange={(event) =>
              run(
                { action: "move", ids, projectId: event.target.value === "none" ? null : event.target.value },
                `Moved ${count}.`,
              )
            }
          >
            <option value="" disabled>
              Choose…
            </option>
            <option value="none">No project</option>
            {projects.map((project) => (
              <option key={project.id} value={project.id}>
                {project.name}
              </option>
            ))}
          </NativeSelect>
        </label>
        <label className="grid gap-1 text-xs">
          Move to zone
          <NativeSelect
            className="h-9 w-40"
            value=""
            disabled={bulk.isPending}
            onChange={(event) =>
              run(
                { action: "move", ids, zoneId: event.target.value === "none" ? null : event.target.value },
                `Moved ${count}.`,
              )
            }
          >
            <option value="" disabled>
              Choose…
            </option>
            <option value="none">No zone</option>
            {zones.map((zone) => (
              <option key={zone.id} value={zone.id}>
                {zone.name}
              </option>
            ))}
          </NativeSelect>
        </label>
        <Button size="sm" variant="ghost" onClick={() => onDone("Selection cleared.")}>
          Clear selection
        </Button>
      </div>
      <ErrorAlert title="Nothing was changed" message={error} />
    </section>
  );
}
