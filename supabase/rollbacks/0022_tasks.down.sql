drop table if exists public.tasks;
drop table if exists public.task_preferences;
drop table if exists public.task_projects;
drop table if exists public.task_zones;
