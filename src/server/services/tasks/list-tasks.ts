import { sql, type SQL } from "drizzle-orm";
import { listTasksQuery, type ListTasksQuery, type TaskListResponse } from "@/lib/contracts/tasks";
import { addDays } from "@/lib/tasks/calendar-days";
import { withUserDb } from "@/server/db";
import type { UserContext } from "../contacts/context";
import { practitionerToday } from "./practitioner-today";
import { selectTasks } from "./task-row";

export { listTasksQuery as listTasksInput };

const OPEN = sql`t.status in ('backlog', 'todo', 'in_progress')`;

const ORDER: Record<ListTasksQuery["sort"], SQL> = {
  due: sql`t.due_date asc nulls last, t.due_time asc nulls last, t.priority, t.sort_order, t.created_at, t.id`,
  priority: sql`t.priority, t.due_date asc nulls last, t.due_time asc nulls last, t.created_at, t.id`,
  created: sql`t.created_at desc, t.id`,
  title: sql`lower(t.title), t.id`,
};

/**
 * Tasks for one view, days counted in the practitioner's time zone: Today (overdue and due today),
 * Upcoming (today and the next `days` days), Inbox (no day and no project) or all; narrowed by project,
 * zone, client, priority and open/closed. At most 500.
 */
export async function listTasks(context: UserContext, query: ListTasksQuery): Promise<TaskListResponse> {
  return withUserDb(context.userId, async (tx) => {
    const today = await practitionerToday(tx, context.userId);
    const conditions: SQL[] = [];
    if (query.view === "today") conditions.push(OPEN, sql`t.due_date <= ${today}`);
    else if (query.view === "upcoming")
      conditions.push(OPEN, sql`t.due_date between ${today} and ${addDays(today, query.days)}`);
    else if (query.view === "inbox") conditions.push(OPEN, sql`t.due_date is null and t.project_id is null`);
    else if (query.state === "open") conditions.push(OPEN);
    else if (query.state === "closed") conditions.push(sql`t.status in ('done', 'cancelled')`);
    if (query.projectId) conditions.push(sql`t.project_id = ${query.projectId}`);
    if (query.zoneId) conditions.push(sql`t.zone_id = ${query.zoneId}`);
    if (query.contactId) conditions.push(sql`t.contact_id = ${query.contactId}`);
    if (query.priority) conditions.push(sql`t.priority = ${query.priority}`);
    const where = conditions.length ? sql.join(conditions, sql` and `) : sql`true`;
    return { items: await selectTasks(tx, context.userId, where, ORDER[query.sort]), today };
  });
}
