import { and, eq, sql } from "drizzle-orm";
import {
  createProjectInput,
  projectListQuery,
  updateProjectInput,
  type CreateProjectInput,
  type Project,
  type UpdateProjectInput,
} from "@/lib/contracts/tasks";
import { withUserDb } from "@/server/db";
import type { DbTransaction } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { taskProjects } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import type { UserContext } from "../contacts/context";
import { refusalsAsAppErrors } from "../contacts/database-errors";

export { createProjectInput, projectListQuery as listProjectsInput, updateProjectInput };

interface ProjectRow {
  id: string;
  name: string;
  status: Project["status"];
  target_date: string | Date | null;
  archived_at: string | Date | null;
  created_at: string | Date;
  done_count: number;
  total_count: number;
}

const instant = (value: string | Date) => (value instanceof Date ? value : new Date(value)).toISOString();

/** Projects with progress: tasks done out of all not cancelled. */
async function selectProjects(
  tx: DbTransaction,
  userId: string,
  filter: { id?: string; archived?: "true" | "false" | "any" },
): Promise<Project[]> {
  const rows = resultRows<ProjectRow>(
    await tx.execute(sql`
      select p.id, p.name, p.status, p.target_date, p.archived_at, p.created_at,
             count(t.id) filter (where t.status = 'done')::int as done_count,
             count(t.id) filter (where t.status <> 'cancelled')::int as total_count
        from public.task_projects p
        left join public.tasks t on t.user_id = p.user_id and t.project_id = p.id
       where p.user_id = ${userId}
         ${filter.id === undefined ? sql`` : sql`and p.id = ${filter.id}`}
         ${filter.archived === "true" ? sql`and p.archived_at is not null` : sql``}
         ${filter.archived === "false" ? sql`and p.archived_at is null` : sql``}
       group by p.id
       order by p.archived_at nulls first, lower(p.name), p.id`),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    status: row.status,
    targetDate:
      row.target_date === null
        ? null
        : row.target_date instanceof Date
          ? row.target_date.toISOString().slice(0, 10)
          : String(row.target_date).slice(0, 10),
    archivedAt: row.archived_at === null ? null : instant(row.archived_at),
    createdAt: instant(row.created_at),
    doneCount: Number(row.done_count),
    totalCount: Number(row.total_count),
  }));
}

export async function listProjects(
  context: UserContext,
  query: { archived: "true" | "false" | "any" },
): Promise<{ items: Project[] }> {
  return { items: await withUserDb(context.userId, (tx) => selectProjects(tx, context.userId, query)) };
}

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
