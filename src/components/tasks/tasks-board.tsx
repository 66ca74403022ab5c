"use client";

import { ListTodoIcon } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { NativeSelect } from "@/components/clients/field-controls";
import { EmptyState } from "@/components/empty-state";
import { ErrorAlert } from "@/components/error-alert";
import { Skeleton } from "@/components/ui/skeleton";
import { groupTasks, type TaskGrouping } from "@/lib/tasks/task-groups";
import { cn } from "@/lib/utils";
import { ProjectsPanel } from "./projects-panel";
import { QuickAddButton } from "./quick-add-button";
import { TaskList } from "./task-list";
import { useProjects, useTaskList, useZones, type TaskQuery } from "./use-tasks";
import { ZonesPanel } from "./zones-panel";

interface BoardView {
  label: string;
  query: Pick<TaskQuery, "view" | "state">;
  grouping: TaskGrouping;
  empty: { title: string; description: string };
}

const VIEWS = {
  today: {
    label: "Today",
    query: { view: "today" },
    grouping: "today",
    empty: { title: "Nothing due today", description: "Tasks due today and any overdue ones show here." },
  },
  upcoming: {
    label: "Upcoming",
    query: { view: "upcoming" },
    grouping: "day",
    empty: { title: "Nothing coming up", description: "Tasks due in the next two weeks show here, day by day." },
  },
  inbox: {
    label: "Inbox",
    query: { view: "inbox" },
    grouping: "none",
    empty: { title: "Inbox is empty", description: "Tasks with no date and no project land here until you sort them." },
  },
  projects: {
    label: "Projects",
    query: { view: "all", state: "open" },
    grouping: "project",
    empty: { title: "No open tasks", description: "Open tasks show here grouped by project." },
  },
  zones: {
    label: "Zones",
    query: { view: "all", state: "open" },
    grouping: "zone",
    empty: { title: "No open tasks", description: "Open tasks show here grouped by zone." },
  },
  clients: {
    label: "Clients",
    query: { view: "all", state: "open" },
    grouping: "client",
    empty: { title: "No open tasks", description: "Open tasks show here grouped by the client they are about." },
  },
  done: {
    label: "Done",
    query: { view: "all", state: "closed" },
    grouping: "none",
    empty: { title: "Nothing done yet", description: "Completed and cancelled tasks show here." },
  },
} satisfies Record<string, BoardView>;
type ViewName = keyof typeof VIEWS;
const isView = (value: string | null): value is ViewName => value !== null && value in VIEWS;
const SORTS = ["due", "priority", "created", "title"] as const;

/** The tasks screen: views, filters and sort in the address (so Back and reload keep them). */
export function TasksBoard() {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const viewParam = search.get("view");
  const viewName: ViewName = isView(viewParam) ? viewParam : "today";
  const view: BoardView = VIEWS[viewName];
  const sortParam = search.get("sort");
  const sort = SORTS.find((value) => value === sortParam) ?? "due";
  const priority = ["1", "2", "3"].includes(search.get("priority") ?? "") ? Number(search.get("priority")) : undefined;
  const projectId = search.get("projectId") ?? undefined;
  const zoneId = search.get("zoneId") ?? undefined;

  const list = useTaskList({ ...view.query, sort, priority, projectId, zoneId });
  const zones = useZones();
  const projects = useProjects();

  function setParam(name: string, value: string | null) {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  }

  const groups = list.data
    ? groupTasks(list.data.items, sort === "due" || view.grouping !== "day" ? view.grouping : "none", {
        today: list.data.today,
        zones: zones.data ?? [],
        projects: projects.data ?? [],
      })
    : [];

  return (
    <div className="grid gap-4">
      <nav aria-label="Task views" className="flex flex-wrap gap-1">
        {(Object.keys(VIEWS) as ViewName[]).map((name) => (
          <button
            key={name}
            type="button"
            aria-current={name === viewName ? "page" : undefined}
            onClick={() => setParam("view", name)}
            className={cn(
              "shrink-0 rounded-md px-3 py-1.5 text-sm font-medium hover:bg-accent",
              name === viewName && "bg-primary text-primary-foreground hover:bg-primary",
            )}
          >
            {VIEWS[name].label}
          </button>
        ))}
      </nav>
      <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
        <label className="grid gap-1 text-xs text-muted-foreground">
          Sort
          <NativeSelect className="h-9 sm:w-36" value={sort} onChange={(event) => setParam("sort", event.target.value)}>
            <option value="due">Due date</option>
            <option value="priority">Priority</option>
            <option value="created">Newest</option>
            <option value="title">Title</option>
          </NativeSelect>
        </label>
        <label className="grid gap-1 text-xs text-muted-foreground">
          Priority
          <NativeSelect
            className="h-9 sm:w-32"
            value={priority ?? ""}
            onChange={(event) => setParam("priority", event.target.value || null)}
          >
            <option value="">Any</option>
            <option value="1">P1</option>
            <option value="2">P2</option>
            <option value="3">P3</option>
          </NativeSelect>
        </label>
        <label className="grid gap-1 text-xs text-muted-foreground">
          Project
          <NativeSelect
            className="h-9 sm:w-40"
            value={projectId ?? ""}
            onChange={(event) => setParam("projectId", event.target.value || null)}
          >
            <option value="">Any</option>
            {(projects.data ?? []).map((project) => (
              <option key={project.id} value={project.id}>
                {project.name}
              </option>
            ))}
          </NativeSelect>
        </label>
        <label className="grid gap-1 text-xs text-muted-foreground">
          Zone
          <NativeSelect
            className="h-9 sm:w-36"
            value={zoneId ?? ""}
            onChange={(event) => setParam("zoneId", event.target.value || null)}
          >
            <option value="">Any</option>
            {(zones.data ?? []).map((zone) => (
              <option key={zone.id} value={zone.id}>
                {zone.name}
              </option>
            ))}
          </NativeSelect>
        </label>
      </div>
      {viewName === "projects" && <ProjectsPanel />}
      {viewName === "zones" && <ZonesPanel />}
      {list.isError && <ErrorAlert title="Tasks could not be loaded" message={list.error.message} />}
      {list.isPending ? (
        <div aria-busy="true" aria-label="Loading tasks" className="grid gap-3">
          {[0, 1, 2, 3].map((row) => (
            <Skeleton key={row} className="h-12 w-full" />
          ))}
        </div>
      ) : list.data ? (
        <TaskList
          groups={groups}
          today={list.data.today}
          zones={zones.data ?? []}
          projects={projects.data ?? []}
          label={view.label}
          empty={
            <EmptyState
              icon={ListTodoIcon}
              title={view.empty.title}
              description={view.empty.description}
              action={<QuickAddButton />}
            />
          }
        />
      ) : null}
    </div>
  );
}
