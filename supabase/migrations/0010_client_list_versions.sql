-- One version per practitioner that changes whenever anything a clients-list page shows (or a search
-- matches) changes: their clients, tags, tag links or notes. The app keeps recently built list pages
-- in memory next to the version they were built at, and serves one again only while the version
-- still reads the same, so a page is never staler than the database (see
-- src/server/services/contacts/list-page-cache.ts).
--
-- The version changes at commit, by deferred triggers: the writing transaction's changes and the new
-- version become visible together, and the version row's lock is the last lock a transaction takes,
-- so two writers of one practitioner queue for it instead of deadlocking. A transaction changes each
-- practitioner's version once, however many rows it wrote. Versions are random, not counted: a
-- database restored from a backup brings back the version of the data it brings back, never a
-- number that a newer state already used.

create table app_private.client_list_versions (
  user_id uuid primary key references auth.users (id) on delete cascade,
  version uuid not null default gen_random_uuid()
);

create function app_private.bump_client_list_version()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  owner uuid := coalesce(new.user_id, old.user_id);
  bumped text := coalesce(current_setting('omnicrm.client_list_versions_bumped', true), '');
begin
  if strpos(bumped, owner::text) > 0 then
    return null;
  end if;
  -- An account deleted in this transaction keeps no version (its row went with auth.users).
  insert into app_private.client_list_versions (user_id)
    select owner where exists (select 1 from auth.users u where u.id = owner)
  on conflict (user_id) do update set version = gen_random_uuid();
  perform set_config('omnicrm.client_list_versions_bumped', bumped || owner::text || ',', true);
  return null;
end
$$;
revoke all on function app_private.bump_client_list_version() from public;

create constraint trigger contacts_bump_client_list_version
  after insert or update or delete on public.contacts
  deferrable initially deferred
  for each row execute function app_private.bump_client_list_version();
create constraint trigger tags_bump_client_list_version
  after insert or update or delete on public.tags
  deferrable initially deferred
  for each row execute function app_private.bump_client_list_version();
create constraint trigger contact_tags_bump_client_list_version
  after insert or update or delete on public.contact_tags
  deferrable initially deferred
  for each row execute function app_private.bump_client_list_version();
create constraint trigger notes_bump_client_list_version
  after insert or update or delete on public.notes
  deferrable initially deferred
  for each row execute function app_private.bump_client_list_version();
