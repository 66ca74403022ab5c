import { DEFAULT_ZONES } from "@/lib/contracts/tasks";
import type { SqlClient } from "@/server/db/sql-client";

const TITLES = [
  "Send the stretching sheet",
  "Follow up after the first session",
  "Call about rescheduling",
  "Renew professional insurance",
  "Order massage oil",
  "Write the newsletter",
  "Post on the practice page",
  "Book a supervision session",
  "Read the fascia course chapter",
  "Reconcile last month's invoices",
  "Walk before the first client",
  "Update the intake questions",
];
const PROJECTS = [
  { name: "New website", status: "active" },
  { name: "Spring workshop", status: "planned" },
  { name: "Tax year close", status: "on_hold" },
];

/**
 * The default zones, three projects and `count` tasks for one practitioner: spread from two weeks ago to
 * a month ahead (some undated), a third about a client, one in ten repeating, one in five done.
 */
export async function seedTasks(sql: SqlClient, userId: string, count: number): Promise<number> {
  await sql.query(
    `insert into public.task_preferences (user_id, zones_seeded_at) values ($1, now())
     on conflict (user_id) do update set zones_seeded_at = coalesce(public.task_preferences.zones_seeded_at, now())`,
    [userId],
  );
  for (const [index, zone] of DEFAULT_ZONES.entries())
    await sql.query(
      `insert into public.task_zones (user_id, name, color, sort_order) values ($1, $2, $3, $4) on conflict do nothing`,
      [userId, zone.name, zone.color, index],
    );
  for (const project of PROJECTS)
    await sql.query(
      `insert into public.task_projects (user_id, name, status, target_date)
       select $1, $2, $3, current_date + 45 where not exists
         (select 1 from public.task_projects where user_id = $1 and name = $2)`,
      [userId, project.name, project.status],
    );
  await sql.query(
    `with zones as (select array_agg(id order by sort_order) as ids from public.task_zones where user_id = $1),
          projects as (select array_agg(id order by name) as ids from public.task_projects where user_id = $1),
          clients as (select array_agg(id) as ids from (select id from public.contacts where user_id = $1 limit 500) c),
          made as (
            select n, (n % 3 = 0) as about_client, (n % 10 = 0) as repeating, (n % 5 = 1) as done,
                   case when n % 7 = 0 then null else current_date + ((n * 37) % 45 - 14) end as due
              from generate_series(1, $2::int) as n)
     insert into public.tasks (user_id, title, status, priority, due_date, due_time, contact_id, project_id, zone_id,
                               completed_at, recurrence_unit, recurrence_interval, recurrence_from)
     select $1, ($3::text[])[1 + n % array_length($3::text[], 1)],
            case when done then 'done' else 'todo' end, 1 + n % 4,
            case when repeating then coalesce(due, current_date) else due end,
            case when n % 4 = 0 and due is not null then make_time(8 + n % 10, 0, 0) end,
            case when about_client then clients.ids[1 + n % greatest(coalesce(array_length(clients.ids, 1), 0), 1)] end,
            case when n % 6 = 0 then projects.ids[1 + n % array_length(projects.ids, 1)] end,
            zones.ids[1 + n % array_length(zones.ids, 1)],
            case when done then now() - make_interval(days => n % 10) end,
            case when repeating then 'week' end, case when repeating then 1 end,
            case when repeating then 'schedule' end
       from made, zones, projects, clients`,
    [userId, count, TITLES],
  );
  // A repeating task starts its own series (as createTask does).
  await sql.query(
    `update public.tasks set series_id = id where user_id = $1 and recurrence_unit is not null and series_id is null`,
    [userId],
  );
  const [total] = await sql.query<{ count: number }>(
    `select count(*)::int as count from public.tasks where user_id = $1`,
    [userId],
  );
  return total?.count ?? 0;
}
