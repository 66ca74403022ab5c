-- Durable jobs: a lease per claimed job (extended by heartbeats, reclaimed when it expires), a
-- dead-letter state keeping the attempt history, idempotency keys, the per-practitioner running
-- count the claim reads, and cron schedules (the next occurrence each recurring job is due).

-- Jobs that spent their attempts were 'failed'; they are dead letters now.
alter table app_private.jobs drop constraint jobs_status_check;
update app_private.jobs set status = 'dead' where status = 'failed';
-- Safe: app_private.jobs holds only live and recently finished jobs (finished ones are pruned daily).
-- squawk-ignore constraint-missing-not-valid
alter table app_private.jobs add constraint jobs_status_check check (status in ('queued', 'running', 'succeeded', 'dead'));

alter table app_private.jobs add column idempotency_key text;
-- Safe: the column was added in this transaction and holds no value yet.
-- squawk-ignore constraint-missing-not-valid
alter table app_private.jobs add constraint jobs_idempotency_key_check check (char_length(idempotency_key) between 1 and 200);
-- The lease: a running job belongs to lease_id until locked_until; a heartbeat moves locked_until.
alter table app_private.jobs add column locked_until timestamptz;
alter table app_private.jobs add column locked_by text;
alter table app_private.jobs add column lease_id uuid;
-- The last attempts' errors, newest last (at most 10 entries of { attempt, at, error }).
alter table app_private.jobs add column errors jsonb not null default '[]'::jsonb;

-- Jobs running when this migration ran keep the old ten-minute stale rule as their lease.
update app_private.jobs set locked_until = coalesce(locked_at, now()) + interval '10 minutes'
 where status = 'running';

-- Safe: see above; the build of an index on this small table takes milliseconds.
-- squawk-ignore require-concurrent-index-creation
create unique index jobs_kind_idempotency_key_idx on app_private.jobs (kind, idempotency_key)
  where idempotency_key is not null;
-- Safe: see above.
-- squawk-ignore require-concurrent-index-creation
create index jobs_lease_idx on app_private.jobs (locked_until) where status = 'running';
-- Safe: see above.
-- squawk-ignore require-concurrent-index-creation
create index jobs_running_user_idx on app_private.jobs (user_id) where status = 'running';
-- Safe: see above.
-- squawk-ignore require-concurrent-index-creation
create index jobs_finished_idx on app_private.jobs (finished_at) where status = 'succeeded';
-- Safe: replaced by jobs_lease_idx; nothing reads locked_at to find work any more.
-- squawk-ignore require-concurrent-index-deletion
drop index app_private.jobs_running_idx;

-- When each recurring job is next due (null: due now, e.g. a schedule created before this column).
alter table app_private.job_schedules add column next_run_at timestamptz;
