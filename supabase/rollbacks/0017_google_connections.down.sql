drop table if exists app_private.google_oauth_states;
drop table if exists public.google_connections;
