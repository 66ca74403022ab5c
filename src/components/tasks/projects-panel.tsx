"use client";

import { useQueryClient } from "@tanstack/react-query";
import { ArchiveIcon } from "lucide-react";
import { useState } from "react";
import { NativeSelect } from "@/components/clients/field-controls";
import { ErrorAlert } from "@/components/error-alert";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { apiRequest, isApiError } from "@/lib/api-client";
import {
  createProjectInput,
  PROJECT_STATUSES,
  projectSchema,
  type Project,
  type ProjectStatus,
} from "@/lib/contracts/tasks";
import { formatCalendarDate } from "@/lib/format";
import { queryKeys } from "@/lib/query-keys";
import { announceTasksChanged, useProjects } from "./use-tasks";

const STATUS_NAMES: Record<ProjectStatus, string> = {
  planned: "Planned",
  active: "Active",
  on_hold: "On hold",
  completed: "Completed",
};

/** Projects with their progress (done of all not cancelled): add one, change its status, archive it. */
export function ProjectsPanel() {
  const projects = useProjects();
  return (
    <section aria-label="Projects" className="grid gap-3 rounded-lg border p-3">
      <NewProjectForm />
      {(projects.data ?? []).length > 0 && (
        <ul className="grid gap-2">
          {(projects.data ?? []).map((project) => (
            <ProjectLine key={project.id} project={project} />
          ))}
        </ul>
      )}
    </section>
  );
}

function useRefreshProjects() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.tasks.all }).then(announceTasksChanged);
}

function ProjectLine({ project }: { project: Project }) {
  const format = usePractitionerFormat();
  const refresh = useRefreshProjects();
  const [error, setError] = useState<string | null>(null);
  const percent = project.totalCount === 0 ? 0 : Math.round((project.doneCount / project.totalCount) * 100);
  async function change(body: { status?: ProjectStatus; archived?: boolean }) {
    setError(null);
    try {
      await apiRequest(`/api/task-projects/${project.id}`, { method: "PATCH", body, schema: projectSchema });
      await refresh();
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : "The project could not be changed. Try again.");
    }
  }
  return (
    <li className="grid gap-2 sm:grid-cols-[1fr_auto_auto] sm:items-center">
      <div className="min-w-0">
        <p className="font-medium">{project.name}</p>
        <div className="flex items-center gap-2 text-xs text-muted-foreground">
          <progress
            max={project.totalCount || 1}
            value={project.doneCount}
            aria-label={`${project.name} progress`}
            className="h-2 w-28 accent-primary"
          />
          <span>
            {project.doneCount} of {project.totalCount} done ({percent}%)
          </span>
          {project.targetDate && <span>· target {formatCalendarDate(project.targetDate, format.settings)}</span>}
        </div>
      </div>
      <NativeSelect
        aria-label={`Status of ${project.name}`}
        className="h-9 sm:w-36"
        value={project.status}
        onChange={(event) => void change({ status: event.target.value as ProjectStatus })}
      >
        {PROJECT_STATUSES.map((status) => (
          <option key={status} value={status}>
            {STATUS_NAMES[status]}
          </option>
        ))}
      </NativeSelect>
      <Button size="sm" variant="outline" onClick={() => void change({ archived: true })}>
        <ArchiveIcon aria-hidden="true" />
        Archive<span className="sr-only"> {project.name}</span>
      </Button>
      <div className="sm:col-span-3">
        <ErrorAlert message={error} />
      </div>
    </li>
  );
}

function NewProjectForm() {
  const refresh = useRefreshProjects();
  const contract = useContractForm(createProjectInput, {
    defaultValues: { name: "", targetDate: "" },
    toInput: (values: { name: string; targetDate: string }) => ({
      name: values.name,
      targetDate: values.targetDate || null,
    }),
    onSubmit: async (values, { form }) => {
      await apiRequest("/api/task-projects", { method: "POST", body: values, schema: projectSchema });
      await refresh();
      form.reset({ name: "", targetDate: "" });
    },
  });
  return (
    <Form {...contract.form}>
      <form noValidate onSubmit={contract.onSubmit} className="grid gap-2 sm:grid-cols-[1fr_auto_auto] sm:items-end">
        <FormErrorAlert error={contract.formError} alertRef={contract.formErrorRef} />
        <FormField
          control={contract.form.control}
          name="name"
          render={({ field }) => (
            <FormItem>
              <FormLabel>New project</FormLabel>
              <FormControl>
                <Input {...field} autoComplete="off" />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={contract.form.control}
          name="targetDate"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Target date</FormLabel>
              <FormControl>
                <Input {...field} type="date" />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <Button type="submit" disabled={contract.pending}>
          Add project
        </Button>
      </form>
    </Form>
  );
}
