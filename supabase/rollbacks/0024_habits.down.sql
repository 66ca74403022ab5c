drop table if exists public.habit_pauses;
drop table if exists public.habit_entries;
drop table if exists public.habits;
alter table public.profiles drop constraint if exists profiles_day_start_hour_check;
alter table public.profiles drop column if exists day_start_hour;
