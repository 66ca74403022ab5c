drop table if exists public.availability_overrides;
drop table if exists public.availability_weekly_ranges;
drop table if exists public.availability_settings;
