-- Availability: when the practitioner works, as local clock times in their profile's time zone
-- (profiles.time_zone). The slot engine (src/server/services/availability) reads these rows; nothing
-- here is an instant, because "9:00 every Monday" must stay 9:00 across daylight-saving changes.
--
-- availability_settings: one row once the practitioner has saved their hours (until then the app
-- offers Monday to Friday 9:00–17:00), with the daily booking limit (null: none).
-- availability_weekly_ranges: several ranges per weekday (1 Monday … 7 Sunday), minutes from local
-- midnight, [start, end); they go with the settings row.
-- availability_overrides: one per date, its own ranges or none (a day off), with an optional note.
-- The app refuses overlapping ranges (a clear message per range beats a constraint error).

create table public.availability_settings (
  user_id uuid primary key references auth.users (id) on delete cascade,
  -- squawk-ignore prefer-bigint-over-int
  daily_booking_limit integer check (daily_booking_limit between 1 and 50),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table public.availability_weekly_ranges (
  user_id uuid not null references public.availability_settings (user_id) on delete cascade,
  -- Bounded by their checks (a weekday, minutes of one day): a wider type would hold nothing more.
  -- squawk-ignore prefer-bigint-over-smallint
  weekday smallint not null check (weekday between 1 and 7),
  -- squawk-ignore prefer-bigint-over-int
  start_minute integer not null check (start_minute between 0 and 1439),
  -- squawk-ignore prefer-bigint-over-int
  end_minute integer not null check (end_minute between 1 and 1440 and end_minute > start_minute),
  primary key (user_id, weekday, start_minute)
);

create table public.availability_overrides (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  on_date date not null,
  -- [{ "start": minutes, "end": minutes }, …] in order; [] is a day off. The app validates each range.
  ranges jsonb not null default '[]'::jsonb
    check (jsonb_typeof(ranges) = 'array' and jsonb_array_length(ranges) <= 8),
  note text check (char_length(note) <= 200),
  created_at timestamptz not null default now(),
  -- One override per date; also the index the list and the engine's date-range reads use.
  constraint availability_overrides_user_id_on_date_key unique (user_id, on_date)
);

alter table public.availability_settings enable row level security;
alter table public.availability_weekly_ranges enable row level security;
alter table public.availability_overrides enable row level security;
revoke all on public.availability_settings, public.availability_weekly_ranges, public.availability_overrides from anon;
grant select, insert, update, delete on public.availability_settings, public.availability_weekly_ranges,
  public.availability_overrides to authenticated;

create policy availability_settings_select on public.availability_settings for select to authenticated
  using (user_id = (select auth.uid()));
create policy availability_settings_insert on public.availability_settings for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy availability_settings_update on public.availability_settings for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy availability_settings_delete on public.availability_settings for delete to authenticated
  using (user_id = (select auth.uid()));

create policy availability_weekly_ranges_select on public.availability_weekly_ranges for select to authenticated
  using (user_id = (select auth.uid()));
create policy availability_weekly_ranges_insert on public.availability_weekly_ranges for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy availability_weekly_ranges_update on public.availability_weekly_ranges for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy availability_weekly_ranges_delete on public.availability_weekly_ranges for delete to authenticated
  using (user_id = (select auth.uid()));

create policy availability_overrides_select on public.availability_overrides for select to authenticated
  using (user_id = (select auth.uid()));
create policy availability_overrides_insert on public.availability_overrides for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy availability_overrides_update on public.availability_overrides for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy availability_overrides_delete on public.availability_overrides for delete to authenticated
  using (user_id = (select auth.uid()));
