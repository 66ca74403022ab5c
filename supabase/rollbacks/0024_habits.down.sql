alter table public.profiles drop constraint if exists profiles_day_start_hour_check;
alter table public.profiles drop column if exists day_start_hour;
