drop table if exists public.profiles;
drop table if exists app_private.password_resets;
drop table if exists app_private.sessions;
drop table if exists app_private.local_credentials;
