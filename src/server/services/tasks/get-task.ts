import { taskIdParams, type Task } from "@/lib/contracts/tasks";
import { withUserDb } from "@/server/db";
import { AppError } from "@/server/errors";
import type { UserContext } from "../contacts/context";
import { selectTask } from "./task-row";

export { taskIdParams };

export async function getTask(context: UserContext, input: { id: string }): Promise<Task> {
  const task = await withUserDb(context.userId, (tx) => selectTask(tx, context.userId, input.id));
  if (!task) throw AppError.notFound("Task");
  return task;
}
