-- Client records: contacts, the practitioner's tags and their links to contacts, and session notes.
-- Every row belongs to one practitioner (user_id). Links between rows carry user_id inside their
-- foreign keys, so a tag or note can never point at another practitioner's contact, even on the
-- privileged connection; the policies say the same for requests under row level security.

-- Trigram search. Supabase keeps extensions in the `extensions` schema; elsewhere they go in public.
-- The comment marks an extension this file created, so the rollback removes only that.
do $$
begin
  if not exists (select 1 from pg_extension where extname = 'pg_trgm') then
    if exists (select 1 from pg_namespace where nspname = 'extensions') then
      create extension pg_trgm with schema extensions;
    else
      create extension pg_trgm;
    end if;
    comment on extension pg_trgm is 'omnicrm:0005_client_records';
  end if;
end
$$;

-- gin_trgm_ops lives in whichever schema holds pg_trgm; a missing schema in the path is ignored.
set local search_path = public, extensions;

-- The fixed lifecycle a practitioner moves a client through; the database refuses anything else.
create type public.contact_lifecycle_stage as enum (
  'Prospect',
  'New Client',
  'Core Client',
  'Referral Champion',
  'VIP Client',
  'At Risk Client',
  'Lost Client'
);

create table public.contacts (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  display_name text not null check (char_length(btrim(display_name)) between 1 and 200),
  first_name text check (char_length(first_name) <= 100),
  last_name text check (char_length(last_name) <= 100),
  email text check (char_length(email) <= 320),
  -- Derived by the database so duplicate checks and search never disagree with what was stored.
  email_normalized text generated always as (nullif(lower(btrim(email)), '')) stored,
  phone text check (char_length(phone) <= 40),
  phone_normalized text generated always as (nullif(regexp_replace(phone, '[^0-9]', '', 'g'), '')) stored,
  pronouns text check (char_length(pronouns) <= 40),
  date_of_birth date check (date_of_birth >= date '1900-01-01'),
  photo_path text check (char_length(photo_path) <= 500),
  source text not null default 'manual' check (source in ('manual', 'intake', 'import', 'calendar', 'gmail')),
  referral_source text check (char_length(referral_source) <= 200),
  lifecycle_stage public.contact_lifecycle_stage not null default 'New Client',
  address jsonb check (jsonb_typeof(address) = 'object'),
  emergency_contact jsonb check (jsonb_typeof(emergency_contact) = 'object'),
  health_context jsonb check (jsonb_typeof(health_context) = 'object'),
  preferences jsonb check (jsonb_typeof(preferences) = 'object'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_visit_at timestamptz,
  -- Target of the (user_id, contact_id) foreign keys of tags links and notes.
  constraint contacts_user_id_id_key unique (user_id, id)
);

-- Keyset pagination: one index per sort, each ending in id so every position is unique.
create index contacts_user_id_display_name_idx on public.contacts (user_id, display_name, id);
create index contacts_user_id_created_at_idx on public.contacts (user_id, created_at, id);
create index contacts_user_id_updated_at_idx on public.contacts (user_id, updated_at, id);
-- Clients never seen sort as the oldest visit, so the keyset has no nulls to step around.
create index contacts_user_id_last_visit_idx on public.contacts
  (user_id, coalesce(last_visit_at, '-infinity'::timestamptz), id);
-- Duplicate detection on create and import.
create index contacts_user_id_email_idx on public.contacts (user_id, email_normalized);
create index contacts_user_id_phone_idx on public.contacts (user_id, phone_normalized);
-- Partial-match search (ILIKE/LIKE '%fragment%').
create index contacts_display_name_trgm_idx on public.contacts using gin (display_name gin_trgm_ops);
create index contacts_email_trgm_idx on public.contacts using gin (email_normalized gin_trgm_ops);
create index contacts_phone_trgm_idx on public.contacts using gin (phone_normalized gin_trgm_ops);

create table public.tags (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 60),
  color text not null default '#64748b' check (color ~ '^#[0-9a-f]{6}$'),
  category text check (char_length(category) <= 60),
  created_at timestamptz not null default now(),
  constraint tags_user_id_id_key unique (user_id, id)
);
-- One tag per name per practitioner, whatever the letter case.
create unique index tags_user_id_name_key on public.tags (user_id, lower(name));

create table public.contact_tags (
  contact_id uuid not null,
  tag_id uuid not null,
  user_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (contact_id, tag_id),
  foreign key (user_id, contact_id) references public.contacts (user_id, id) on delete cascade,
  foreign key (user_id, tag_id) references public.tags (user_id, id) on delete cascade
);
-- Usage counts, the tag filter and the cascade when a tag is deleted.
create index contact_tags_user_id_tag_id_idx on public.contact_tags (user_id, tag_id);

create table public.notes (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null,
  contact_id uuid not null,
  body_json jsonb not null default '{"type": "doc", "content": []}'::jsonb check (jsonb_typeof(body_json) = 'object'),
  body_text text not null default '' check (char_length(body_text) <= 200000),
  template text check (char_length(template) <= 60),
  status text not null default 'draft' check (status in ('draft', 'final')),
  signed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- A note is final exactly when it has been signed.
  constraint notes_signed_when_final check ((status = 'final') = (signed_at is not null)),
  foreign key (user_id, contact_id) references public.contacts (user_id, id) on delete cascade
);
create index notes_user_id_contact_id_created_at_idx on public.notes (user_id, contact_id, created_at desc);
-- Full-text search over note text; queries must use this exact expression.
create index notes_body_text_search_idx on public.notes using gin (to_tsvector('simple', body_text));

-- Search reads these views. Under row level security Postgres may not use an index for a
-- non-leakproof operator (ILIKE, LIKE, @@) ahead of the policy, so the trigram and full-text
-- indexes would go unused. The views run with their owner's rights (no policies) and carry the
-- tenancy filter themselves: auth.uid(), the caller's own JWT claims. They are deliberately not
-- security barriers, so the planner can push search predicates (none of which leak) into index
-- scans. The schema is not exposed through the Data API.
create schema app_search;
revoke all on schema app_search from public;
grant usage on schema app_search to authenticated;

create view app_search.my_contacts as
  select * from public.contacts where user_id = (select auth.uid());
create view app_search.my_notes as
  select * from public.notes where user_id = (select auth.uid());
grant select on app_search.my_contacts, app_search.my_notes to authenticated;

alter table public.contacts enable row level security;
alter table public.tags enable row level security;
alter table public.contact_tags enable row level security;
alter table public.notes enable row level security;

revoke all on public.contacts, public.tags, public.contact_tags, public.notes from anon;
grant select, insert, update, delete on public.contacts, public.tags, public.notes to authenticated;
grant select, insert, delete on public.contact_tags to authenticated;

create policy contacts_select on public.contacts for select to authenticated
  using (user_id = (select auth.uid()));
create policy contacts_insert on public.contacts for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy contacts_update on public.contacts for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy contacts_delete on public.contacts for delete to authenticated
  using (user_id = (select auth.uid()));

create policy tags_select on public.tags for select to authenticated
  using (user_id = (select auth.uid()));
create policy tags_insert on public.tags for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy tags_update on public.tags for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy tags_delete on public.tags for delete to authenticated
  using (user_id = (select auth.uid()));

-- A link is written only when both the contact and the tag are the caller's own.
create policy contact_tags_select on public.contact_tags for select to authenticated
  using (user_id = (select auth.uid()));
create policy contact_tags_insert on public.contact_tags for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and exists (select 1 from public.contacts c where c.id = contact_id and c.user_id = (select auth.uid()))
    and exists (select 1 from public.tags t where t.id = tag_id and t.user_id = (select auth.uid()))
  );
create policy contact_tags_delete on public.contact_tags for delete to authenticated
  using (user_id = (select auth.uid()));

create policy notes_select on public.notes for select to authenticated
  using (user_id = (select auth.uid()));
create policy notes_insert on public.notes for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and exists (select 1 from public.contacts c where c.id = contact_id and c.user_id = (select auth.uid()))
  );
create policy notes_update on public.notes for update to authenticated
  using (user_id = (select auth.uid()))
  with check (
    user_id = (select auth.uid())
    and exists (select 1 from public.contacts c where c.id = contact_id and c.user_id = (select auth.uid()))
  );
create policy notes_delete on public.notes for delete to authenticated
  using (user_id = (select auth.uid()));
