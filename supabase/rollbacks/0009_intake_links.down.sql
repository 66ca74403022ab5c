drop function if exists app_intake.link_for_token(text);
drop schema if exists app_intake;
drop table if exists public.intake_links;
