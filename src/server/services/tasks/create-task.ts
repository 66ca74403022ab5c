import { randomUUID } from "node:crypto";
import { createTaskInput, type CreateTaskInput, type Task } from "@/lib/contracts/tasks";
import { withUserDb } from "@/server/db";
import { tasks } from "@/server/db/schema";
import type { UserContext } from "../contacts/context";
import { refusalsAsAppErrors } from "../contacts/database-errors";
import { taskColumns } from "./task-columns";
import { selectTask } from "./task-row";

export { createTaskInput };

/**
 * Adds a task. A client, project or zone that is not the caller's is refused by the composite foreign
 * keys (404, as for an unknown id). A repeating task starts its own series.
 */
export async function createTask(context: UserContext, input: CreateTaskInput): Promise<Task> {
  return refusalsAsAppErrors(() =>
    withUserDb(context.userId, async (tx) => {
      const id = randomUUID();
      const columns = taskColumns({ ...input, status: input.status ?? "todo" });
      await tx.insert(tasks).values({
        ...columns,
        id,
        userId: context.userId,
        title: input.title,
        seriesId: input.recurrence ? id : null,
      });
      const task = await selectTask(tx, context.userId, id);
      if (!task) throw new Error("a created task could not be read back");
      return task;
    }),
  );
}
