import { sql } from "drizzle-orm";
import { FALLBACK_TIME_ZONE, zonedDay } from "@/lib/format";
import { dayOfMonth } from "@/lib/tasks/calendar-days";
import { rolledOverDueDate } from "@/lib/tasks/recurrence";
import type { DbExecutor } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { taskFromRow } from "./task-row";

const BATCH = 1000;

/**
 * The overdue policy "roll over" (`tasks.roll-over-overdue`, hourly): an open task whose due day has
 * passed in its practitioner's time zone moves to its next occurrence on or after today (a task that
 * does not repeat moves to today). Tasks with the policy "keep" stay overdue. Runs on the job's
 * transaction over every practitioner, a batch at a time; what is left waits for the next hour.
 */
export async function rollOverOverdueTasks(db: DbExecutor, now = new Date()): Promise<{ moved: number }> {
  const rows = resultRows<Parameters<typeof taskFromRow>[0] & { user_id: string; time_zone: string | null }>(
    await db.execute(sql`
      select t.*, null as contact_name, p.time_zone
        from public.tasks t
        left join public.profiles p on p.user_id = t.user_id
       where t.overdue_policy = 'roll_over' and t.status in ('backlog', 'todo', 'in_progress')
         and t.due_date < (${now.toISOString()}::timestamptz at time zone coalesce(p.time_zone, 'UTC'))::date
       order by t.due_date
       limit ${BATCH}`),
  );
  for (const row of rows) {
    const task = taskFromRow(row);
    if (!task.dueDate) continue;
    const today = zonedDay(now, row.time_zone ?? FALLBACK_TIME_ZONE);
    const dueDate = rolledOverDueDate(task.recurrence, task.dueDate, today, dayOfMonth(task.dueDate));
    await db.execute(sql`update public.tasks set due_date = ${dueDate}, updated_at = now()
                          where user_id = ${row.user_id} and id = ${task.id}`);
  }
  return { moved: rows.length };
}
