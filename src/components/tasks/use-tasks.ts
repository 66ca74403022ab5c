"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { apiRequest } from "@/lib/api-client";
import {
  bulkTaskResponse,
  projectListResponse,
  taskListResponse,
  taskSchema,
  zoneListResponse,
  type BulkTaskInput,
  type Task,
  type TaskView,
  type UpdateTaskInput,
} from "@/lib/contracts/tasks";
import { queryKeys } from "@/lib/query-keys";

export interface TaskQuery {
  view: TaskView;
  projectId?: string | undefined;
  zoneId?: string | undefined;
  contactId?: string | undefined;
  state?: "open" | "closed" | "any";
  priority?: number | undefined;
  sort?: "due" | "priority" | "created" | "title";
}

export function taskQueryString(query: TaskQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== "") params.set(key, String(value));
  return params.toString();
}

const TASKS_CHANGED = "omnicrm:tasks-changed";

/**
 * Tells every task list on the page that tasks changed. The quick-add lives in the shell's query cache
 * while some screens (the client pages) keep their own, so an invalidation alone would miss them.
 */
export function announceTasksChanged() {
  window.dispatchEvent(new Event(TASKS_CHANGED));
}

/** Tasks of one view; refetched when any task changes, whichever query cache changed it. */
export function useTaskList(query: TaskQuery) {
  const search = taskQueryString(query);
  const queryClient = useQueryClient();
  useEffect(() => {
    const refetch = () => void queryClient.invalidateQueries({ queryKey: queryKeys.tasks.all });
    window.addEventListener(TASKS_CHANGED, refetch);
    return () => window.removeEventListener(TASKS_CHANGED, refetch);
  }, [queryClient]);
  return useQuery({
    queryKey: queryKeys.tasks.list(search),
    queryFn: ({ signal }) => apiRequest(`/api/tasks?${search}`, { schema: taskListResponse, signal }),
  });
}

export function useZones() {
  return useQuery({
    queryKey: queryKeys.taskZones,
    queryFn: async ({ signal }) => (await apiRequest("/api/task-zones", { schema: zoneListResponse, signal })).items,
  });
}

export function useProjects(archived: "true" | "false" | "any" = "false") {
  return useQuery({
    queryKey: queryKeys.taskProjects(archived),
    queryFn: async ({ signal }) =>
      (await apiRequest(`/api/task-projects?archived=${archived}`, { schema: projectListResponse, signal })).items,
  });
}

/** When to look again for the next occurrence of a completed repeating task (the embedded runner polls every 10 s). */
const NEXT_OCCURRENCE_CHECKS_MS = [3_000, 8_000, 13_000, 25_000];

/** Task changes: each refreshes every task list, and zone and project counts. */
export function useTaskMutations() {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: queryKeys.tasks.all });
    announceTasksChanged();
  };
  const complete = useMutation({
    mutationFn: (task: Pick<Task, "id">) =>
      apiRequest(`/api/tasks/${task.id}/complete`, { method: "POST", schema: taskSchema }),
    onSuccess: (task) => {
      // The next occurrence is added by a background job within seconds: look again while it runs.
      if (task.recurrence) for (const delay of NEXT_OCCURRENCE_CHECKS_MS) setTimeout(() => void refresh(), delay);
    },
    onSettled: refresh,
  });
  const update = useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateTaskInput }) =>
      apiRequest(`/api/tasks/${id}`, { method: "PATCH", body: changes, schema: taskSchema }),
    onSettled: refresh,
  });
  const skip = useMutation({
    mutationFn: (task: Pick<Task, "id">) =>
      apiRequest(`/api/tasks/${task.id}/skip`, { method: "POST", schema: taskSchema }),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (task: Pick<Task, "id">) => apiRequest(`/api/tasks/${task.id}`, { method: "DELETE" }),
    onSettled: refresh,
  });
  const bulk = useMutation({
    mutationFn: (input: BulkTaskInput) =>
      apiRequest("/api/tasks/bulk", { method: "POST", body: input, schema: bulkTaskResponse }),
    onSettled: refresh,
  });
  return { complete, update, skip, remove, bulk, refresh };
}
