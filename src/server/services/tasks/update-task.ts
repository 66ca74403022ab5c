import { and, eq, sql } from "drizzle-orm";
import { taskIdParams, updateTaskInput, type Task, type UpdateTaskInput } from "@/lib/contracts/tasks";
import { withUserDb } from "@/server/db";
import { tasks } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import type { UserContext } from "../contacts/context";
import { refusalsAsAppErrors } from "../contacts/database-errors";
import { requestNextOccurrence } from "./next-occurrence-job";
import { taskColumns } from "./task-columns";
import { selectTask } from "./task-row";

export { updateTaskInput, taskIdParams as updateTaskParams };

/**
 * Changes the fields sent. Setting status `done` stamps `completed_at` (any other status clears it); a
 * repeating task that becomes done or cancelled asks the job system for its next occurrence.
 */
export async function updateTask(context: UserContext, input: { id: string; changes: UpdateTaskInput }): Promise<Task> {
  const { sortOrder, ...fields } = input.changes;
  const columns = { ...taskColumns(fields), ...(sortOrder === undefined ? {} : { sortOrder }) };
  return refusalsAsAppErrors(() =>
    withUserDb(context.userId, async (tx) => {
      const before = await selectTask(tx, context.userId, input.id);
      if (!before) throw AppError.notFound("Task");
      if (Object.keys(columns).length > 0) {
        // A task already done keeps the moment it was done when saved as done again.
        if (before.status === "done" && columns.status === "done") delete columns.completedAt;
        await tx
          .update(tasks)
          .set({ ...columns, updatedAt: sql`now()` })
          .where(and(eq(tasks.userId, context.userId), eq(tasks.id, input.id)));
        // A rule added to a task outside any series starts one.
        if (fields.recurrence && before.seriesId === null)
          await tx
            .update(tasks)
            .set({ seriesId: input.id })
            .where(and(eq(tasks.userId, context.userId), eq(tasks.id, input.id)));
      }
      const task = await selectTask(tx, context.userId, input.id);
      if (!task) throw AppError.notFound("Task");
      const closedNow = (task.status === "done" || task.status === "cancelled") && task.status !== before.status;
      if (closedNow && task.recurrence) await requestNextOccurrence(tx, context.userId, [task.id]);
      return task;
    }),
  );
}
