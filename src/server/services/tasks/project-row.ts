import { sql } from "drizzle-orm";
import type { Project } from "@/lib/contracts/tasks";
import type { DbTransaction } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";

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
export async function selectProjects(
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
