-- Tasks, projects and zones: the practitioner's own to-do list. A task may name one client (its
-- (user_id, contact_id) foreign key cascades, so erasing a client removes tasks that are about them,
-- whose titles often carry the client's name), one project and one zone (a life/business area).
-- Recurring tasks keep one row per occurrence: completing or skipping one makes the job system add
-- the next (src/server/services/tasks/create-next-occurrence.ts); `previous_task_id` is unique, so an
-- occurrence is followed by at most one next, however often the job runs.
-- Default zones are not inserted here: the first read of a practitioner's zones creates them and
-- stamps task_preferences.zones_seeded_at, so new accounts (either auth mode) and existing ones get
-- them alike, and a practitioner who deletes them does not see them come back.

create table public.task_zones (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 40),
  color text not null check (color ~ '^#[0-9a-f]{6}$'),
  -- Safe: a position in a short list, checked 0–10000 by the API.
  -- squawk-ignore prefer-bigint-over-int
  sort_order integer not null default 0,
  created_at timestamptz not null default now(),
  constraint task_zones_user_id_id_key unique (user_id, id)
);
-- One zone per name per practitioner, whatever the letter case.
create unique index task_zones_user_id_name_key on public.task_zones (user_id, lower(name));

create table public.task_projects (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 120),
  status text not null default 'active' check (status in ('planned', 'active', 'on_hold', 'completed')),
  target_date date,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint task_projects_user_id_id_key unique (user_id, id)
);
create index task_projects_user_id_created_at_idx on public.task_projects (user_id, created_at);

-- What the practitioner set once for their tasks (one row each, written on first use).
create table public.task_preferences (
  user_id uuid primary key references auth.users (id) on delete cascade,
  zones_seeded_at timestamptz,
  updated_at timestamptz not null default now()
);

create table public.tasks (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  title text not null check (char_length(btrim(title)) between 1 and 300),
  description text not null default '' check (char_length(description) <= 5000),
  status text not null default 'todo' check (status in ('backlog', 'todo', 'in_progress', 'done', 'cancelled')),
  -- 1 is the most urgent (p1), 4 the default (no priority).
  -- Safe: the check holds it to 1–4.
  -- squawk-ignore prefer-bigint-over-smallint
  priority smallint not null default 4 check (priority between 1 and 4),
  -- The day the practitioner means to do it (their calendar day, no zone) and optionally a time that day.
  due_date date,
  due_time time,
  -- A hard deadline, distinct from the planned day.
  deadline date,
  contact_id uuid,
  project_id uuid,
  zone_id uuid,
  completed_at timestamptz,
  -- Recurrence: every <interval> <unit>, on the weekdays in the mask (bit 0 = Monday) for weekly rules,
  -- counted from the schedule ("every") or from the completion ("every!").
  recurrence_unit text check (recurrence_unit in ('day', 'week', 'month', 'year')),
  -- Safe: the check holds it to 1–365.
  -- squawk-ignore prefer-bigint-over-smallint
  recurrence_interval smallint check (recurrence_interval between 1 and 365),
  -- Safe: a seven-bit mask, checked 1–127.
  -- squawk-ignore prefer-bigint-over-smallint
  recurrence_weekdays smallint check (recurrence_weekdays between 1 and 127),
  recurrence_from text check (recurrence_from in ('schedule', 'completion')),
  -- A recurring occurrence left undone: keep it overdue, or roll it over to the next due day.
  overdue_policy text not null default 'keep' check (overdue_policy in ('keep', 'roll_over')),
  series_id uuid,
  previous_task_id uuid,
  -- Safe: a position within a list, at most 1e9 by the API.
  -- squawk-ignore prefer-bigint-over-int
  sort_order integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint tasks_user_id_id_key unique (user_id, id),
  constraint tasks_due_time_needs_date check (due_time is null or due_date is not null),
  constraint tasks_completed_when_done check ((status = 'done') = (completed_at is not null)),
  constraint tasks_recurrence_complete check (
    (recurrence_unit is null and recurrence_interval is null and recurrence_weekdays is null and recurrence_from is null)
    or (recurrence_unit is not null and recurrence_interval is not null and recurrence_from is not null
        and due_date is not null and (recurrence_weekdays is null or recurrence_unit = 'week'))
  ),
  constraint tasks_contact_fkey foreign key (user_id, contact_id)
    references public.contacts (user_id, id) on delete cascade,
  constraint tasks_project_fkey foreign key (user_id, project_id) references public.task_projects (user_id, id),
  constraint tasks_zone_fkey foreign key (user_id, zone_id) references public.task_zones (user_id, id)
);
-- Today / Upcoming / Inbox read open tasks by due day.
create index tasks_user_id_status_due_date_idx on public.tasks (user_id, status, due_date);
create index tasks_user_id_project_id_idx on public.tasks (user_id, project_id) where project_id is not null;
create index tasks_user_id_zone_id_idx on public.tasks (user_id, zone_id) where zone_id is not null;
-- The client page's open tasks and the cascade from contacts.
create index tasks_user_id_contact_id_idx on public.tasks (user_id, contact_id) where contact_id is not null;
-- An occurrence is followed by one next occurrence at most.
create unique index tasks_user_id_previous_task_id_key on public.tasks (user_id, previous_task_id)
  where previous_task_id is not null;

alter table public.task_zones enable row level security;
alter table public.task_projects enable row level security;
alter table public.task_preferences enable row level security;
alter table public.tasks enable row level security;
revoke all on public.task_zones, public.task_projects, public.task_preferences, public.tasks from anon;
grant select, insert, update, delete on public.task_zones, public.task_projects, public.tasks to authenticated;
grant select, insert, update on public.task_preferences to authenticated;

create policy task_zones_select on public.task_zones for select to authenticated
  using (user_id = (select auth.uid()));
create policy task_zones_insert on public.task_zones for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy task_zones_update on public.task_zones for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy task_zones_delete on public.task_zones for delete to authenticated
  using (user_id = (select auth.uid()));

create policy task_projects_select on public.task_projects for select to authenticated
  using (user_id = (select auth.uid()));
create policy task_projects_insert on public.task_projects for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy task_projects_update on public.task_projects for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy task_projects_delete on public.task_projects for delete to authenticated
  using (user_id = (select auth.uid()));

create policy task_preferences_select on public.task_preferences for select to authenticated
  using (user_id = (select auth.uid()));
create policy task_preferences_insert on public.task_preferences for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy task_preferences_update on public.task_preferences for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));

create policy tasks_select on public.tasks for select to authenticated
  using (user_id = (select auth.uid()));
create policy tasks_insert on public.tasks for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy tasks_update on public.tasks for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy tasks_delete on public.tasks for delete to authenticated
  using (user_id = (select auth.uid()));
