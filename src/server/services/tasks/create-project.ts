import { createProjectInput, type CreateProjectInput, type Project } from "@/lib/contracts/tasks";
import { withUserDb } from "@/server/db";
import { taskProjects } from "@/server/db/schema";
import type { UserContext } from "../contacts/context";
import { refusalsAsAppErrors } from "../contacts/database-errors";
import { selectProjects } from "./project-row";

export { createProjectInput };

export async function createProject(context: UserContext, input: CreateProjectInput): Promise<Project> {
  return refusalsAsAppErrors(() =>
    withUserDb(context.userId, async (tx) => {
      const [created] = await tx
        .insert(taskProjects)
        .values({
          userId: context.userId,
          name: input.name,
          status: input.status ?? "active",
          targetDate: input.targetDate ?? null,
        })
        .returning({ id: taskProjects.id });
      const [project] = created ? await selectProjects(tx, context.userId, { id: created.id }) : [];
      if (!project) throw new Error("a created project could not be read back");
      return project;
    }),
  );
}
