import type { Task } from "@/lib/contracts/tasks";
import { AppError } from "@/server/errors";
import type { UserContext } from "../contacts/context";
import { getTask } from "./get-task";
import { updateTask } from "./update-task";

/** Marks a task done (`x` on the list); a repeating one gets its next occurrence from the job system. */
export async function completeTask(context: UserContext, input: { id: string }): Promise<Task> {
  return updateTask(context, { id: input.id, changes: { status: "done" } });
}

/**
 * Skips one occurrence of a repeating task: it is cancelled and the next occurrence follows as if it had
 * been done. A task that does not repeat cannot be skipped (422).
 */
export async function skipTask(context: UserContext, input: { id: string }): Promise<Task> {
  const task = await getTask(context, input);
  if (!task.recurrence) throw new AppError("validation_failed", "Only a repeating task can skip an occurrence");
  if (task.status === "done" || task.status === "cancelled")
    throw new AppError("conflict", "This occurrence is already closed");
  return updateTask(context, { id: input.id, changes: { status: "cancelled" } });
}
