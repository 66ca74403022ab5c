drop trigger if exists notes_bump_client_list_version on public.notes;
drop trigger if exists contact_tags_bump_client_list_version on public.contact_tags;
drop trigger if exists tags_bump_client_list_version on public.tags;
drop trigger if exists contacts_bump_client_list_version on public.contacts;
drop function if exists app_private.bump_client_list_version();
drop table if exists app_private.client_list_versions;
