import { describe, expect, it } from "vitest";
import type { Task } from "@/lib/contracts/tasks";
import { groupTasks } from "./task-groups";

const task = (id: string, fields: Partial<Task> = {}): Task => ({
  id,
  title: id,
  description: "",
  status: "todo",
  priority: 4,
  dueDate: null,
  dueTime: null,
  deadline: null,
  contactId: null,
  contactName: null,
  projectId: null,
  zoneId: null,
  completedAt: null,
  recurrence: null,
  overduePolicy: "keep",
  seriesId: null,
  previousTaskId: null,
  sortOrder: 0,
  createdAt: "2026-12-01T00:00:00.000Z",
  updatedAt: "2026-12-01T00:00:00.000Z",
  ...fields,
});

const labels = (groups: ReturnType<typeof groupTasks>) =>
  groups.map((group) => [group.label, group.tasks.map((t) => t.id)]);

describe("task groups", () => {
  it("split Today into overdue first, then today", () => {
    const groups = groupTasks([task("a", { dueDate: "2026-12-07" }), task("b", { dueDate: "2026-12-01" })], "today", {
      today: "2026-12-07",
    });
    expect(labels(groups)).toEqual([
      ["Overdue", ["b"]],
      ["Today", ["a"]],
    ]);
  });

  it("put Upcoming in day order", () => {
    const groups = groupTasks(
      [
        task("late", { dueDate: "2026-12-09" }),
        task("soon", { dueDate: "2026-12-08" }),
        task("also", { dueDate: "2026-12-09" }),
      ],
      "day",
      { today: "2026-12-07" },
    );
    expect(labels(groups)).toEqual([
      ["2026-12-08", ["soon"]],
      ["2026-12-09", ["late", "also"]],
    ]);
  });

  it("group by zone in the zones' order with the unzoned last", () => {
    const zones = [
      { id: "z1", name: "Clients", color: "#000000", sortOrder: 0, openCount: 0 },
      { id: "z2", name: "Admin", color: "#111111", sortOrder: 1, openCount: 0 },
    ];
    const groups = groupTasks([task("x"), task("y", { zoneId: "z2" }), task("z", { zoneId: "z1" })], "zone", {
      today: "2026-12-07",
      zones,
    });
    expect(labels(groups)).toEqual([
      ["Clients", ["z"]],
      ["Admin", ["y"]],
      ["No zone", ["x"]],
    ]);
  });

  it("group by client name", () => {
    const groups = groupTasks(
      [
        task("a", { contactId: "c1", contactName: "Sofia" }),
        task("b"),
        task("c", { contactId: "c1", contactName: "Sofia" }),
      ],
      "client",
      { today: "2026-12-07" },
    );
    expect(labels(groups)).toEqual([
      ["Sofia", ["a", "c"]],
      ["No client", ["b"]],
    ]);
  });
});
