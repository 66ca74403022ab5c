import { and, eq, sql } from "drizzle-orm";
import { withUserDb } from "@/server/db";
import { taskProjects } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import type { UserContext } from "../contacts/context";

/** Deletes a project; its tasks stay, in no project. */
export async function deleteProject(context: UserContext, input: { id: string }): Promise<void> {
  const deleted = await withUserDb(context.userId, async (tx) => {
    await tx.execute(sql`update public.tasks set project_id = null, updated_at = now()
                          where user_id = ${context.userId} and project_id = ${input.id}`);
    return tx
      .delete(taskProjects)
      .where(and(eq(taskProjects.userId, context.userId), eq(taskProjects.id, input.id)))
      .returning({ id: taskProjects.id });
  });
  if (deleted.length === 0) throw AppError.notFound("Project");
}
