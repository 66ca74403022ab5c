"use client";

import { ListTodoIcon } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { ErrorAlert } from "@/components/error-alert";
import { Skeleton } from "@/components/ui/skeleton";
import { groupTasks } from "@/lib/tasks/task-groups";
import { QuickAddButton } from "./quick-add-button";
import { TaskList } from "./task-list";
import { useProjects, useTaskList, useZones } from "./use-tasks";

/**
 * `<ClientTasks contactId displayName />` — a client page's open tasks about that client, soonest due
 * first, with the same keys as the tasks page, and "Add task" opening the quick-add linked to the client.
 */
export function ClientTasks({ contactId, displayName }: { contactId: string; displayName: string }) {
  const list = useTaskList({ view: "all", state: "open", contactId, sort: "due" });
  const zones = useZones();
  const projects = useProjects();
  return (
    <section aria-labelledby="client-tasks-heading" className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="client-tasks-heading" className="text-lg font-semibold">
          Tasks
        </h2>
        <QuickAddButton preset={{ contactId, contactName: displayName }} label="Add task" />
      </div>
      {list.isError && <ErrorAlert title="Tasks could not be loaded" message={list.error.message} />}
      {list.isPending ? (
        <div aria-busy="true" aria-label="Loading tasks" className="grid gap-2">
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-10 w-full" />
        </div>
      ) : list.data ? (
        <>
          <TaskList
            groups={groupTasks(list.data.items, "none", { today: list.data.today })}
            today={list.data.today}
            zones={zones.data ?? []}
            projects={projects.data ?? []}
            label={`Tasks about ${displayName}`}
            empty={
              <EmptyState
                icon={ListTodoIcon}
                className="py-8 sm:py-10"
                title="No open tasks"
                description={`Follow-ups about ${displayName} show here. Add one, or type it anywhere with q.`}
              />
            }
          />
          <Link href="/tasks?view=clients" className="text-sm underline-offset-2 hover:underline">
            All tasks by client
          </Link>
        </>
      ) : null}
    </section>
  );
}
