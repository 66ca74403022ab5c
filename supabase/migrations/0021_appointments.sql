-- Appointments: one client's session of one session type, on the practitioner's calendar. Times are
-- UTC instants; the buffers are copied from the session type when booked, so editing the type later
-- never moves or overlaps sessions already on the calendar. Each status change is stamped.
--
-- Double booking is refused by the database itself: an exclusion constraint over the practitioner's
-- time range, widened by both buffers, for every appointment that still holds its time (scheduled,
-- confirmed, completed). Two bookings racing for one slot cannot both commit, whatever the app does.

-- btree_gist lets the constraint compare user_id with = inside a GiST index. Supabase keeps
-- extensions in the `extensions` schema; elsewhere they go in public. The comment marks an
-- extension this file created, so the rollback removes only that.
do $$
begin
  if not exists (select 1 from pg_extension where extname = 'btree_gist') then
    if exists (select 1 from pg_namespace where nspname = 'extensions') then
      create extension btree_gist with schema extensions;
    else
      create extension btree_gist;
    end if;
    comment on extension btree_gist is 'omnicrm:0021_appointments';
  end if;
end
$$;

-- gist_uuid_ops lives in whichever schema holds btree_gist; a missing schema in the path is ignored.
set local search_path = public, extensions;

-- The time an appointment keeps busy: its own range widened by its buffers, half-open. Immutable
-- because minute intervals do not depend on the session's time zone (timestamptz ± interval is only
-- "stable" in general for month and day intervals), which an index expression requires.
create function public.appointment_busy_range(
  starts_at timestamptz, ends_at timestamptz, buffer_before integer, buffer_after integer
) returns tstzrange
  language sql immutable parallel safe
  set search_path = pg_catalog
  return tstzrange(
    starts_at - make_interval(mins => buffer_before),
    ends_at + make_interval(mins => buffer_after),
    '[)'
  );

create table public.appointments (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  contact_id uuid not null,
  session_type_id uuid not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  -- Safe: the check on this column keeps it far inside the int range.
  -- squawk-ignore prefer-bigint-over-int
  buffer_before_minutes integer not null default 0 check (buffer_before_minutes between 0 and 240),
  -- Safe: the check on this column keeps it far inside the int range.
  -- squawk-ignore prefer-bigint-over-int
  buffer_after_minutes integer not null default 0 check (buffer_after_minutes between 0 and 240),
  status text not null default 'scheduled' check (status in (
    'scheduled', 'confirmed', 'completed', 'cancelled_by_practitioner', 'cancelled_by_client', 'late_cancel', 'no_show'
  )),
  notes text check (char_length(notes) <= 2000),
  -- The booking request's key: the same request sent twice books once.
  idempotency_key text check (char_length(idempotency_key) between 1 and 200),
  confirmed_at timestamptz,
  completed_at timestamptz,
  cancelled_at timestamptz,
  late_cancelled_at timestamptz,
  no_show_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint appointments_time_check check (ends_at > starts_at and ends_at - starts_at <= interval '24 hours'),
  constraint appointments_user_id_idempotency_key_key unique (user_id, idempotency_key),
  constraint appointments_contact_fkey foreign key (user_id, contact_id)
    references public.contacts (user_id, id) on delete cascade,
  -- A session type with appointments cannot be deleted, only archived.
  constraint appointments_session_type_fkey foreign key (user_id, session_type_id)
    references public.session_types (user_id, id) on delete restrict,
  constraint appointments_no_double_booking exclude using gist (
    user_id with =,
    public.appointment_busy_range(starts_at, ends_at, buffer_before_minutes, buffer_after_minutes) with &&
  ) where (status in ('scheduled', 'confirmed', 'completed'))
);
-- The calendar's range reads, and a client's list (the contacts cascade uses it too).
create index appointments_user_id_starts_at_idx on public.appointments (user_id, starts_at);
create index appointments_user_id_contact_id_idx on public.appointments (user_id, contact_id, starts_at);
create index appointments_user_id_session_type_id_idx on public.appointments (user_id, session_type_id);

alter table public.appointments enable row level security;
revoke all on public.appointments from anon;
grant select, insert, update, delete on public.appointments to authenticated;

create policy appointments_select on public.appointments for select to authenticated
  using (user_id = (select auth.uid()));
create policy appointments_insert on public.appointments for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy appointments_update on public.appointments for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy appointments_delete on public.appointments for delete to authenticated
  using (user_id = (select auth.uid()));
