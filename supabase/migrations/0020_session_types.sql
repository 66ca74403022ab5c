-- Session types (services) a practitioner offers: how long a session lasts, what it costs (shown
-- only; nothing is charged), its colour on the calendar, the buffers kept free around it, how far
-- ahead and how late clients may book it, and where it happens. Archived types stay for the
-- appointments that used them but are no longer offered.

create table public.session_types (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 80),
  -- Safe: the check on this column keeps it far inside the int range.
  -- squawk-ignore prefer-bigint-over-int
  duration_minutes integer not null check (duration_minutes between 5 and 720),
  -- Minor units (cents) with an ISO 4217 code; both or neither.
  -- Safe: the check on this column keeps it far inside the int range.
  -- squawk-ignore prefer-bigint-over-int
  price_minor integer check (price_minor between 0 and 100000000),
  currency text check (currency ~ '^[A-Z]{3}$'),
  color text not null default '#2563eb' check (color ~ '^#[0-9a-f]{6}$'),
  -- Safe: the check on this column keeps it far inside the int range.
  -- squawk-ignore prefer-bigint-over-int
  buffer_before_minutes integer not null default 0 check (buffer_before_minutes between 0 and 240),
  -- Safe: the check on this column keeps it far inside the int range.
  -- squawk-ignore prefer-bigint-over-int
  buffer_after_minutes integer not null default 0 check (buffer_after_minutes between 0 and 240),
  -- Safe: the check on this column keeps it far inside the int range.
  -- squawk-ignore prefer-bigint-over-int
  min_notice_minutes integer not null default 0 check (min_notice_minutes between 0 and 43200),
  -- Safe: the check on this column keeps it far inside the int range.
  -- squawk-ignore prefer-bigint-over-int
  max_days_ahead integer not null default 60 check (max_days_ahead between 1 and 730),
  client_bookable boolean not null default false,
  location_kind text not null default 'in_person' check (location_kind in ('in_person', 'phone', 'video')),
  -- The address, the number to call or the video link, as the practitioner writes it.
  location_detail text check (char_length(location_detail) <= 500),
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint session_types_price_currency_check check ((price_minor is null) = (currency is null)),
  -- Appointments point here through (user_id, id), so one never uses another practitioner's type.
  constraint session_types_user_id_id_key unique (user_id, id)
);
-- The settings list and the calendar's picker: the practitioner's types by name.
create index session_types_user_id_name_idx on public.session_types (user_id, lower(name));

alter table public.session_types enable row level security;
revoke all on public.session_types from anon;
grant select, insert, update, delete on public.session_types to authenticated;

create policy session_types_select on public.session_types for select to authenticated
  using (user_id = (select auth.uid()));
create policy session_types_insert on public.session_types for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy session_types_update on public.session_types for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy session_types_delete on public.session_types for delete to authenticated
  using (user_id = (select auth.uid()));
