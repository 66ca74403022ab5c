drop table if exists public.session_types;
