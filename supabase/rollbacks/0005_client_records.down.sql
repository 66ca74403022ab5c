drop view if exists app_search.my_notes;
drop view if exists app_search.my_contacts;
drop schema if exists app_search;
drop table if exists public.notes;
drop table if exists public.contact_tags;
drop table if exists public.tags;
drop table if exists public.contacts;
drop type if exists public.contact_lifecycle_stage;

-- Only the extension this migration created (marked by its comment); one that was already there stays.
do $$
begin
  if exists (
    select 1 from pg_extension
     where extname = 'pg_trgm' and obj_description(oid, 'pg_extension') = 'omnicrm:0005_client_records'
  ) then
    drop extension pg_trgm;
  end if;
end
$$;
