drop table if exists public.ai_usage;
