import type { CreateTaskInput, UpdateTaskInput } from "@/lib/contracts/tasks";
import { weekdaysToMask } from "@/lib/tasks/recurrence";
import type { tasks } from "@/server/db/schema";

type TaskColumns = Partial<typeof tasks.$inferInsert>;

/** The columns a create or patch writes: only the fields sent; a repeat rule is four columns. */
export function taskColumns(input: CreateTaskInput | UpdateTaskInput): TaskColumns {
  const columns: TaskColumns = {};
  if (input.title !== undefined) columns.title = input.title;
  if (input.description !== undefined) columns.description = input.description;
  if (input.priority !== undefined) columns.priority = input.priority;
  if (input.dueDate !== undefined) columns.dueDate = input.dueDate;
  if (input.dueTime !== undefined) columns.dueTime = input.dueTime;
  if (input.deadline !== undefined) columns.deadline = input.deadline;
  if (input.contactId !== undefined) columns.contactId = input.contactId;
  if (input.projectId !== undefined) columns.projectId = input.projectId;
  if (input.zoneId !== undefined) columns.zoneId = input.zoneId;
  if (input.overduePolicy !== undefined) columns.overduePolicy = input.overduePolicy;
  if (input.recurrence !== undefined) {
    const rule = input.recurrence;
    columns.recurrenceUnit = rule?.unit ?? null;
    columns.recurrenceInterval = rule?.interval ?? null;
    columns.recurrenceWeekdays = rule ? weekdaysToMask(rule.weekdays) : null;
    columns.recurrenceFrom = rule?.from ?? null;
  }
  if (input.status !== undefined) {
    columns.status = input.status;
    columns.completedAt = input.status === "done" ? new Date() : null;
  }
  return columns;
}
