-- The practitioner's own habits, and the hour their day starts.
--   * profiles.day_start_hour: the local hour (0–12) a new day begins for habits and check-ins, so a
--     check-in at 1 a.m. belongs to the day before when the day starts at 4. The day itself is
--     computed in one place (src/lib/format/practitioner-day.ts) and stored as a plain date.

-- Safe: a constant default is stored in the catalog, not written to every row (Postgres ≥ 11).
-- An hour of the day: 0–12 by the check below, so 16 bits are plenty.
-- squawk-ignore prefer-bigint-over-smallint
alter table public.profiles add column day_start_hour smallint not null default 0;
-- Safe: public.profiles holds one row per practitioner, so validating at once is a short scan.
-- squawk-ignore constraint-missing-not-valid
alter table public.profiles add constraint profiles_day_start_hour_check check (day_start_hour between 0 and 12);

-- Habits: a name, a colour and a schedule (every day; some weekdays, as a bit mask with Sunday = 1;
-- or N times a week). Archived habits keep their history and leave today's list.
create table public.habits (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 80),
  color text not null check (color ~ '^#[0-9a-f]{6}$'),
  schedule_kind text not null check (schedule_kind in ('daily', 'weekdays', 'times_per_week')),
  -- squawk-ignore prefer-bigint-over-smallint
  weekdays smallint check (weekdays between 1 and 127),
  -- squawk-ignore prefer-bigint-over-smallint
  times_per_week smallint check (times_per_week between 1 and 7),
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint habits_schedule_check check (
    (schedule_kind = 'daily' and weekdays is null and times_per_week is null)
    or (schedule_kind = 'weekdays' and weekdays is not null and times_per_week is null)
    or (schedule_kind = 'times_per_week' and weekdays is null and times_per_week is not null)
  ),
  -- The target of the entries' (user_id, habit_id) foreign key, so an entry cannot name another's habit.
  constraint habits_user_id_id_key unique (user_id, id)
);
create index habits_user_id_created_at_idx on public.habits (user_id, created_at, id);

-- One answer per habit and day (the practitioner's day, src/lib/format/practitioner-day.ts).
create table public.habit_entries (
  user_id uuid not null references auth.users (id) on delete cascade,
  habit_id uuid not null,
  day date not null,
  status text not null check (status in ('yes', 'no', 'skip')),
  updated_at timestamptz not null default now(),
  primary key (user_id, habit_id, day),
  constraint habit_entries_habit_fkey foreign key (user_id, habit_id)
    references public.habits (user_id, id) on delete cascade
);

-- "Pause all" periods (a holiday): every habit's days inside one are neither missed nor done. Kept
-- after they end, so an old holiday never turns into misses. paused_until null: until resumed.
create table public.habit_pauses (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  paused_from date not null,
  paused_until date,
  created_at timestamptz not null default now(),
  constraint habit_pauses_range_check check (paused_until is null or paused_until >= paused_from)
);
create index habit_pauses_user_id_paused_from_idx on public.habit_pauses (user_id, paused_from);

alter table public.habits enable row level security;
alter table public.habit_entries enable row level security;
alter table public.habit_pauses enable row level security;
revoke all on public.habits, public.habit_entries, public.habit_pauses from anon;
grant select, insert, update, delete on public.habits, public.habit_entries, public.habit_pauses to authenticated;

create policy habits_select on public.habits for select to authenticated
  using (user_id = (select auth.uid()));
create policy habits_insert on public.habits for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy habits_update on public.habits for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy habits_delete on public.habits for delete to authenticated
  using (user_id = (select auth.uid()));

create policy habit_entries_select on public.habit_entries for select to authenticated
  using (user_id = (select auth.uid()));
create policy habit_entries_insert on public.habit_entries for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy habit_entries_update on public.habit_entries for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy habit_entries_delete on public.habit_entries for delete to authenticated
  using (user_id = (select auth.uid()));

create policy habit_pauses_select on public.habit_pauses for select to authenticated
  using (user_id = (select auth.uid()));
create policy habit_pauses_insert on public.habit_pauses for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy habit_pauses_update on public.habit_pauses for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy habit_pauses_delete on public.habit_pauses for delete to authenticated
  using (user_id = (select auth.uid()));
