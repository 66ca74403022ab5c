import type { SqlClient } from "@/server/db/sql-client";

export interface WellbeingCounts {
  habits: number;
  entries: number;
  checkIns: number;
}

/**
 * The practitioner's own habits and check-ins, as after a year of use: five habits on each kind of
 * schedule with answers most days (some missed, a few skipped), a two-week holiday paused, and a
 * morning check-in most days and an evening one on some. Days are UTC days here; the app reads them
 * as the practitioner's. A practitioner who already has habits is left as they are.
 */
const WELLBEING_SQL = `
with existing as (select 1 from public.habits where user_id = $1 limit 1),
made as (
  insert into public.habits (user_id, name, color, schedule_kind, weekdays, times_per_week, created_at)
  select $1, h.name, h.color, h.kind, h.weekdays, h.times, now() - interval '370 days'
    from (values
      ('Walk at lunch', '#16a34a', 'daily', null::smallint, null::smallint),
      ('Stretch between sessions', '#2563eb', 'daily', null, null),
      ('Admin hour', '#d97706', 'weekdays', 2 | 8 | 32, null),
      ('Swim', '#0d9488', 'times_per_week', null, 2),
      ('Read something for learning', '#7c3aed', 'times_per_week', null, 3)
    ) as h(name, color, kind, weekdays, times)
   where not exists (select 1 from existing)
  returning id, schedule_kind, weekdays
),
entries as (
  insert into public.habit_entries (user_id, habit_id, day, status)
  select $1, m.id, d::date,
         case when r < 0.72 then 'yes' when r < 0.8 then 'skip' else 'no' end
    from made m
   cross join generate_series(current_date - 365, current_date - 1, interval '1 day') as d
   cross join lateral (select random() + 0 * extract(epoch from d) as r, random() + 0 * extract(epoch from d) as busy) as pick
   where case m.schedule_kind
           when 'weekdays' then m.weekdays & (1 << extract(dow from d)::int) <> 0
           when 'times_per_week' then pick.busy < 0.45
           else true
         end
  returning 1
),
pause as (
  insert into public.habit_pauses (user_id, paused_from, paused_until)
  select $1, current_date - 120, current_date - 107 where exists (select 1 from made)
  returning 1
),
check_ins as (
  insert into public.check_ins (user_id, day, period, energy, mood, sleep, stress, note)
  select $1, d::date, p.period,
         1 + floor(random() * 5)::int, 1 + floor(random() * 5)::int,
         case when p.period = 'morning' then 1 + floor(random() * 5)::int end,
         1 + floor(random() * 5)::int,
         case when random() < 0.2 then 'Busy clinic, short lunch' end
    from generate_series(current_date - 364, current_date - 1, interval '1 day') as d
   cross join (values ('morning'), ('evening')) as p(period)
   cross join lateral (select random() + 0 * extract(epoch from d) as r) as pick
   where exists (select 1 from made) and pick.r < case when p.period = 'morning' then 0.85 else 0.35 end
  on conflict (user_id, day, period) do nothing
  returning 1
)
select (select count(*) from made)::int as habits,
       (select count(*) from entries)::int as entries,
       (select count(*) from check_ins)::int as check_ins,
       (select count(*) from pause)::int as pauses`;

export async function seedWellbeing(sql: SqlClient, userId: string): Promise<WellbeingCounts> {
  const [row] = await sql.query<{ habits: number; entries: number; check_ins: number }>(WELLBEING_SQL, [userId]);
  return { habits: row?.habits ?? 0, entries: row?.entries ?? 0, checkIns: row?.check_ins ?? 0 };
}
