drop table if exists public.user_integrations;
