import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "@/lib/zod";
import { addDays, dayOfMonth, daysBetween } from "@/lib/tasks/calendar-days";
import { nextDueDate } from "@/lib/tasks/recurrence";
import type { DbExecutor } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { practitionerToday } from "./practitioner-today";
import { selectTask } from "./task-row";

export const createNextOccurrenceInput = z.strictObject({ taskId: z.uuid() });

/**
 * The job behind recurring tasks (`tasks.create-next-occurrence`, on the job's own transaction): adds the
 * occurrence after a completed or skipped one. Idempotent twice over: the enqueue is keyed by the task,
 * and `previous_task_id` is unique, so a second run (or a second job) inserts nothing. A task reopened
 * before the job ran, deleted, or no longer repeating gets no next occurrence.
 */
export async function createNextOccurrence(
  db: DbExecutor,
  userId: string | null,
  input: { taskId: string },
  now = new Date(),
): Promise<{ created: string | null }> {
  if (!userId) throw new Error("a next-occurrence job needs its practitioner");
  const task = await selectTask(db, userId, input.taskId);
  if (!task || !task.recurrence || !task.dueDate || (task.status !== "done" && task.status !== "cancelled"))
    return { created: null };
  const [first] = resultRows<{ due_date: string | Date }>(
    await db.execute(sql`select due_date from public.tasks
                          where user_id = ${userId} and series_id = ${task.seriesId ?? task.id} and due_date is not null
                          order by created_at, id limit 1`),
  );
  const seriesStart = first ? new Date(first.due_date).toISOString().slice(0, 10) : task.dueDate;
  const today = await practitionerToday(db, userId, now);
  const dueDate = nextDueDate({
    rule: task.recurrence,
    dueDate: task.dueDate,
    today,
    anchorDay: dayOfMonth(seriesStart),
  });
  const deadline = task.deadline ? addDays(task.deadline, daysBetween(task.dueDate, dueDate)) : null;
  const inserted = resultRows<{ id: string }>(
    await db.execute(sql`
      insert into public.tasks (id, user_id, title, description, status, priority, due_date, due_time, deadline,
                                contact_id, project_id, zone_id, recurrence_unit, recurrence_interval,
                                recurrence_weekdays, recurrence_from, overdue_policy, series_id, previous_task_id,
                                sort_order)
      select ${randomUUID()}, user_id, title, description, 'todo', priority, ${dueDate}, due_time, ${deadline},
             contact_id, project_id, zone_id, recurrence_unit, recurrence_interval, recurrence_weekdays,
             recurrence_from, overdue_policy, coalesce(series_id, id), id, sort_order
        from public.tasks where user_id = ${userId} and id = ${task.id}
      on conflict (user_id, previous_task_id) where previous_task_id is not null do nothing
      returning id`),
  );
  return { created: inserted[0]?.id ?? null };
}
