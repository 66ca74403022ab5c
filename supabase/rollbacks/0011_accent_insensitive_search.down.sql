set local search_path = public, extensions;

create index if not exists contacts_display_name_trgm_idx on public.contacts using gin (display_name gin_trgm_ops);
create index if not exists contacts_email_trgm_idx on public.contacts using gin (email_normalized gin_trgm_ops);
create index if not exists notes_body_text_search_idx on public.notes using gin (to_tsvector('simple', body_text));

drop index if exists public.notes_body_text_folded_search_idx;
drop index if exists public.contacts_email_folded_trgm_idx;
drop index if exists public.contacts_display_name_folded_trgm_idx;
drop function if exists app_search.fold_inline(text);
drop function if exists app_search.fold(text);

-- Only the extension this migration created (marked by its comment); one that was already there stays.
do $$
begin
  if exists (
    select 1 from pg_extension
     where extname = 'unaccent' and obj_description(oid, 'pg_extension') = 'omnicrm:0011_accent_insensitive_search'
  ) then
    drop extension unaccent;
  end if;
end
$$;
