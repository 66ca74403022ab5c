import type { SqlClient } from "@/server/db/sql-client";

/** The session types a seeded practitioner offers: name, minutes, price, colour, buffer after. */
const SESSION_TYPES = [
  ["Initial consultation", 60, 9000, "#2563eb", 15],
  ["Follow-up session", 45, 6500, "#16a34a", 10],
  ["Deep tissue massage", 90, 12000, "#7c3aed", 15],
] as const;

/**
 * Adds the session types (once) and a calendar: four sessions a weekday from four weeks ago to two
 * weeks ahead, each with one of the practitioner's earliest clients. Past sessions are completed,
 * with an occasional no-show or late cancellation; future ones scheduled. Slots two hours apart never
 * trip the double-booking constraint, and a slot already taken is skipped (`on conflict do nothing`
 * covers exclusion constraints), as is a start already on the calendar, so a second run adds nothing.
 */
export async function seedAppointments(sql: SqlClient, userId: string): Promise<number> {
  for (const [name, minutes, price, color, bufferAfter] of SESSION_TYPES) {
    await sql.query(
      `insert into public.session_types (user_id, name, duration_minutes, price_minor, currency, color, buffer_after_minutes)
       select $1::uuid, $2, $3, $4, 'EUR', $5, $6
        where not exists (select 1 from public.session_types where user_id = $1::uuid and name = $2)`,
      [userId, name, minutes, price, color, bufferAfter],
    );
  }
  const [row] = await sql.query<{ booked: number }>(
    `with types as (
       select id, duration_minutes, buffer_after_minutes, row_number() over (order by name) as n
         from public.session_types where user_id = $1::uuid and archived_at is null
     ),
     clients as (
       select id, row_number() over (order by created_at, id) as n
         from public.contacts where user_id = $1::uuid order by created_at, id limit 40
     ),
     slots as (
       select (date_trunc('day', now()) + make_interval(days => d, hours => h)) as starts_at,
              row_number() over (order by d, h) as n
         from generate_series(-28, 14) as d, unnest(array[9, 11, 14, 16]) as h
        where extract(isodow from date_trunc('day', now()) + make_interval(days => d)) < 6
     ),
     booked as (
       insert into public.appointments (user_id, contact_id, session_type_id, starts_at, ends_at,
                                        buffer_after_minutes, status, completed_at, no_show_at, late_cancelled_at)
       select $1::uuid, c.id, t.id, s.starts_at, s.starts_at + make_interval(mins => t.duration_minutes),
              t.buffer_after_minutes, status,
              case when status = 'completed' then s.starts_at + make_interval(mins => t.duration_minutes) end,
              case when status = 'no_show' then s.starts_at end,
              case when status = 'late_cancel' then s.starts_at - interval '3 hours' end
         from slots s
         join clients c on c.n = 1 + s.n % nullif((select count(*) from clients), 0)
         join types t on t.n = 1 + s.n % nullif((select count(*) from types), 0)
         cross join lateral (select case
           when s.starts_at >= now() then 'scheduled'
           when s.n % 17 = 0 then 'no_show'
           when s.n % 23 = 0 then 'late_cancel'
           else 'completed' end as status) as chosen
        where not exists (select 1 from public.appointments a where a.user_id = $1::uuid and a.starts_at = s.starts_at)
       on conflict do nothing
       returning 1
     )
     select count(*)::int as booked from booked`,
    [userId],
  );
  // Completed sessions are the clients' visits, as completing one in the app records.
  await sql.query(
    `update public.contacts c set last_visit_at = v.last_visit
       from (select contact_id, max(starts_at) as last_visit from public.appointments
              where user_id = $1::uuid and status = 'completed' group by contact_id) v
      where c.user_id = $1::uuid and c.id = v.contact_id
        and (c.last_visit_at is null or c.last_visit_at < v.last_visit)`,
    [userId],
  );
  return Number(row?.booked ?? 0);
}
