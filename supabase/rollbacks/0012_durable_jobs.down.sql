alter table app_private.job_schedules drop column if exists next_run_at;
create index if not exists jobs_running_idx on app_private.jobs (locked_at) where status = 'running';
drop index if exists app_private.jobs_finished_idx;
drop index if exists app_private.jobs_running_user_idx;
drop index if exists app_private.jobs_lease_idx;
drop index if exists app_private.jobs_kind_idempotency_key_idx;
alter table app_private.jobs drop column if exists errors;
alter table app_private.jobs drop column if exists lease_id;
alter table app_private.jobs drop column if exists locked_by;
alter table app_private.jobs drop column if exists locked_until;
alter table app_private.jobs drop column if exists idempotency_key;
alter table app_private.jobs drop constraint if exists jobs_status_check;
update app_private.jobs set status = 'failed' where status = 'dead';
alter table app_private.jobs
  add constraint jobs_status_check check (status in ('queued', 'running', 'succeeded', 'failed'));
