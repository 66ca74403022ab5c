import { and, eq } from "drizzle-orm";
import { withUserDb } from "@/server/db";
import { tasks } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import type { UserContext } from "../contacts/context";

/** Deletes one task; the rest of its series stays. */
export async function deleteTask(context: UserContext, input: { id: string }): Promise<void> {
  const deleted = await withUserDb(context.userId, (tx) =>
    tx
      .delete(tasks)
      .where(and(eq(tasks.userId, context.userId), eq(tasks.id, input.id)))
      .returning({ id: tasks.id }),
  );
  if (deleted.length === 0) throw AppError.notFound("Task");
}
