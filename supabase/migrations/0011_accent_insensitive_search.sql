-- Accent-insensitive search: "angstrom" finds "Ångström", "zoe" finds "Zoë", "muller" finds "Müller",
-- in client names, emails and note text. Both sides of every search comparison go through
-- app_search.fold (lower case, accents removed), and the trigram and full-text indexes are built on
-- the same expression, so the indexes stay usable.

-- Supabase keeps extensions in the `extensions` schema; elsewhere they go in public (as 0005 does for
-- pg_trgm). The comment marks an extension this file created, so the rollback removes only that.
do $$
declare
  unaccent_schema text;
  folded text;
begin
  if not exists (select 1 from pg_extension where extname = 'unaccent') then
    if exists (select 1 from pg_namespace where nspname = 'extensions') then
      create extension unaccent with schema extensions;
    else
      create extension unaccent;
    end if;
    comment on extension unaccent is 'omnicrm:0011_accent_insensitive_search';
  end if;
  select n.nspname into unaccent_schema
    from pg_extension e join pg_namespace n on n.oid = e.extnamespace
   where e.extname = 'unaccent';
  -- unaccent() is only STABLE (its dictionary could be reloaded); naming the dictionary and the
  -- function by schema makes the result depend on the argument alone, so the wrapper may be IMMUTABLE
  -- and used in index expressions, whatever the caller's search_path. SQL-standard bodies are bound
  -- when created (the dictionary becomes its oid), so dumps and restores keep the same meaning.
  folded := format('pg_catalog.lower(%I.unaccent(%L::regdictionary, value))', unaccent_schema,
                   format('%I.unaccent', unaccent_schema));
  execute format('create function app_search.fold(value text) returns text
                    language sql immutable strict parallel safe return %s', folded);
  -- The same body declared STABLE, which the planner inlines (an IMMUTABLE function over a STABLE one
  -- is called through the SQL-function executor, several times slower per row). For conditions
  -- checked row by row, which no index serves: the walk of the name index.
  execute format('create function app_search.fold_inline(value text) returns text
                    language sql stable strict parallel safe return %s', folded);
end
$$;

comment on function app_search.fold(text) is
  'Search form of a text: lower case without accents. Index expressions and search predicates must both use it.';
comment on function app_search.fold_inline(text) is
  'app_search.fold, inlined by the planner: for conditions checked row by row, never in an index.';
revoke all on function app_search.fold(text), app_search.fold_inline(text) from public;
grant execute on function app_search.fold(text), app_search.fold_inline(text) to authenticated;

-- gin_trgm_ops lives in whichever schema holds pg_trgm; a missing schema in the path is ignored.
set local search_path = public, extensions;

-- The folded indexes replace the plain ones: every search predicate now compares folded text, so
-- the old indexes would only cost writes. Phone digits have no accents and keep their index.
-- Safe: a practice's client and note tables are small (thousands of rows per practitioner), so the
-- build takes seconds, and the migrator's lock_timeout bounds the wait for the table lock.
-- squawk-ignore require-concurrent-index-creation
create index contacts_display_name_folded_trgm_idx on public.contacts
  using gin (app_search.fold(display_name) gin_trgm_ops);
-- Safe: as above.
-- squawk-ignore require-concurrent-index-creation
create index contacts_email_folded_trgm_idx on public.contacts
  using gin (app_search.fold(email_normalized) gin_trgm_ops);
-- Full-text search over note text; queries must use this exact expression.
-- Safe: as above.
-- squawk-ignore require-concurrent-index-creation
create index notes_body_text_folded_search_idx on public.notes
  using gin (to_tsvector('simple', app_search.fold(body_text)));

-- Safe: a drop only changes the catalog; its exclusive lock lasts until this short migration commits.
-- squawk-ignore require-concurrent-index-deletion
drop index public.contacts_display_name_trgm_idx;
-- Safe: as above.
-- squawk-ignore require-concurrent-index-deletion
drop index public.contacts_email_trgm_idx;
-- Safe: as above.
-- squawk-ignore require-concurrent-index-deletion
drop index public.notes_body_text_search_idx;
