drop table if exists public.check_ins;
