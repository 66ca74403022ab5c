drop table if exists app_private.job_schedules;
drop table if exists app_private.jobs;
