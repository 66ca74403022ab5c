import type { Project, Task, Zone } from "@/lib/contracts/tasks";

export type TaskGrouping = "today" | "day" | "project" | "zone" | "client" | "none";

export interface TaskGroup {
  key: string;
  /** A label, or a day (`YYYY-MM-DD`) the screen formats. */
  label: string;
  day?: string;
  color?: string;
  tasks: Task[];
}

/**
 * Splits a list (already in order) into the groups a view shows: Today → Overdue / Today; Upcoming →
 * one group per day; by project, zone or client → one group each (in the order of the list given, then
 * "none" last). Groups keep the tasks' order.
 */
export function groupTasks(
  tasks: readonly Task[],
  grouping: TaskGrouping,
  context: { today: string; projects?: readonly Project[]; zones?: readonly Zone[] },
): TaskGroup[] {
  const groups = new Map<string, TaskGroup>();
  const add = (key: string, group: Omit<TaskGroup, "key" | "tasks">, task: Task) => {
    let existing = groups.get(key);
    if (!existing) {
      existing = { key, ...group, tasks: [] };
      groups.set(key, existing);
    }
    existing.tasks.push(task);
  };
  for (const task of tasks) {
    switch (grouping) {
      case "today":
        if (task.dueDate !== null && task.dueDate < context.today) add("overdue", { label: "Overdue" }, task);
        else add("today", { label: "Today" }, task);
        break;
      case "day":
        add(
          task.dueDate ?? "none",
          task.dueDate ? { label: task.dueDate, day: task.dueDate } : { label: "No date" },
          task,
        );
        break;
      case "project": {
        const project = context.projects?.find((item) => item.id === task.projectId);
        add(project?.id ?? "none", { label: project?.name ?? "No project" }, task);
        break;
      }
      case "zone": {
        const zone = context.zones?.find((item) => item.id === task.zoneId);
        add(zone?.id ?? "none", zone ? { label: zone.name, color: zone.color } : { label: "No zone" }, task);
        break;
      }
      case "client":
        add(task.contactId ?? "none", { label: task.contactName ?? "No client" }, task);
        break;
      case "none":
        add("all", { label: "" }, task);
        break;
    }
  }
  const list = [...groups.values()];
  const order = (group: TaskGroup) => {
    if (group.key === "none") return Number.MAX_SAFE_INTEGER;
    if (grouping === "today") return group.key === "overdue" ? 0 : 1;
    if (grouping === "project") return context.projects?.findIndex((item) => item.id === group.key) ?? 0;
    if (grouping === "zone") return context.zones?.findIndex((item) => item.id === group.key) ?? 0;
    return 0;
  };
  return list
    .map((group, index) => ({ group, index }))
    .sort(
      (a, b) =>
        order(a.group) - order(b.group) ||
        (grouping === "day" ? a.group.key.localeCompare(b.group.key) : a.index - b.index),
    )
    .map(({ group }) => group);
}
