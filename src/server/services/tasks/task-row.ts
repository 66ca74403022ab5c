import { sql, type SQL } from "drizzle-orm";
import type { Task } from "@/lib/contracts/tasks";
import { maskToWeekdays } from "@/lib/tasks/recurrence";
import type { DbExecutor } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";

interface TaskRow {
  id: string;
  title: string;
  description: string;
  status: Task["status"];
  priority: number;
  due_date: string | Date | null;
  due_time: string | null;
  deadline: string | Date | null;
  contact_id: string | null;
  contact_name: string | null;
  project_id: string | null;
  zone_id: string | null;
  completed_at: string | Date | null;
  recurrence_unit: string | null;
  recurrence_interval: number | null;
  recurrence_weekdays: number | null;
  recurrence_from: string | null;
  overdue_policy: Task["overduePolicy"];
  series_id: string | null;
  previous_task_id: string | null;
  sort_order: number;
  created_at: string | Date;
  updated_at: string | Date;
}

const instant = (value: string | Date) => (value instanceof Date ? value : new Date(value)).toISOString();
/** A `date` column as `YYYY-MM-DD` whichever driver read it (postgres.js may hand a Date at UTC midnight). */
const day = (value: string | Date | null) =>
  value === null ? null : value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);

export function taskFromRow(row: TaskRow): Task {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    status: row.status,
    priority: Number(row.priority),
    dueDate: day(row.due_date),
    dueTime: row.due_time === null ? null : row.due_time.slice(0, 5),
    deadline: day(row.deadline),
    contactId: row.contact_id,
    contactName: row.contact_name,
    projectId: row.project_id,
    zoneId: row.zone_id,
    completedAt: row.completed_at === null ? null : instant(row.completed_at),
    recurrence:
      row.recurrence_unit === null || row.recurrence_interval === null || row.recurrence_from === null
        ? null
        : {
            unit: row.recurrence_unit as "day" | "week" | "month" | "year",
            interval: Number(row.recurrence_interval),
            weekdays: maskToWeekdays(row.recurrence_weekdays === null ? null : Number(row.recurrence_weekdays)),
            from: row.recurrence_from as "schedule" | "completion",
          },
    overduePolicy: row.overdue_policy,
    seriesId: row.series_id,
    previousTaskId: row.previous_task_id,
    sortOrder: Number(row.sort_order),
    createdAt: instant(row.created_at),
    updatedAt: instant(row.updated_at),
  };
}

/** The caller's tasks matching `where` (a condition on `t`), with the linked client's name. */
export async function selectTasks(
  db: DbExecutor,
  userId: string,
  where: SQL = sql`true`,
  orderBy: SQL = sql`t.created_at, t.id`,
  limit = 500,
): Promise<Task[]> {
  const rows = resultRows<TaskRow>(
    await db.execute(sql`
      select t.*, c.display_name as contact_name
        from public.tasks t
        left join public.contacts c on c.user_id = t.user_id and c.id = t.contact_id
       where t.user_id = ${userId} and (${where})
       order by ${orderBy}
       limit ${limit}`),
  );
  return rows.map(taskFromRow);
}

export async function selectTask(db: DbExecutor, userId: string, id: string): Promise<Task | undefined> {
  const [task] = await selectTasks(db, userId, sql`t.id = ${id}`);
  return task;
}
