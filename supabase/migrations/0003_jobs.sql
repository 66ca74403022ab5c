-- Background jobs: claimed by the in-process runner (embedded) or by /api/cron/process-jobs
-- (production), always through the privileged system path, so the table lives in app_private.
create table app_private.jobs (
  id uuid primary key default gen_random_uuid(),
  user_id uuid references auth.users (id) on delete cascade,
  kind text not null check (char_length(kind) between 1 and 100),
  payload jsonb not null default '{}'::jsonb,
  status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed')),
  -- Safe: attempt counters stay below max_attempts (at most 50).
  -- squawk-ignore prefer-bigint-over-int
  attempts integer not null default 0,
  -- squawk-ignore prefer-bigint-over-int
  max_attempts integer not null default 5 check (max_attempts between 1 and 50),
  run_at timestamptz not null default now(),
  locked_at timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index jobs_due_idx on app_private.jobs (run_at) where status = 'queued';
create index jobs_user_id_idx on app_private.jobs (user_id);
create index jobs_running_idx on app_private.jobs (locked_at) where status = 'running';

-- When each recurring task last ran, so many instances schedule it once.
create table app_private.job_schedules (
  name text primary key,
  last_run_at timestamptz not null
);
