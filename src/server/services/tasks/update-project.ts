import { and, eq } from "drizzle-orm";
import { updateProjectInput, type Project, type UpdateProjectInput } from "@/lib/contracts/tasks";
import { withUserDb } from "@/server/db";
import { taskProjects } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import type { UserContext } from "../contacts/context";
import { refusalsAsAppErrors } from "../contacts/database-errors";
import { selectProjects } from "./project-row";

export { updateProjectInput };

/** Renames, changes status or target date, archives (`archived: true`) or restores a project. */
export async function updateProject(
  context: UserContext,
  input: { id: string; changes: UpdateProjectInput },
): Promise<Project> {
  const { archived, ...fields } = input.changes;
  const changes: Partial<typeof taskProjects.$inferInsert> = Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  );
  if (archived !== undefined) changes.archivedAt = archived ? new Date() : null;
  return refusalsAsAppErrors(() =>
    withUserDb(context.userId, async (tx) => {
      if (Object.keys(changes).length > 0)
        await tx
          .update(taskProjects)
          .set({ ...changes, updatedAt: new Date() })
          .where(and(eq(taskProjects.userId, context.userId), eq(taskProjects.id, input.id)));
      const [project] = await selectProjects(tx, context.userId, { id: input.id });
      if (!project) throw AppError.notFound("Project");
      return project;
    }),
  );
}
