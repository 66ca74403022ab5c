drop table if exists public.notification_settings;
drop table if exists public.notifications;
drop index if exists public.contacts_user_id_new_from_intake_idx;
-- The view must lose the column before the table can: rebuilt from the columns 0005 knew.
drop view if exists app_search.my_contacts;
alter table public.contacts drop column if exists new_from_intake_at;
create view app_search.my_contacts as
  select * from public.contacts where user_id = (select auth.uid());
grant select on app_search.my_contacts to authenticated;
