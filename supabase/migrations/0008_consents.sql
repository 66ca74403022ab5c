-- Consent: the practitioner's versioned consent documents and each client's consent records.
--   * A document version never changes once published; publishing is inserting the next version.
--     The database checks the numbering (1, 2, 3… per practitioner and kind), the content hash
--     (sha256 of the exact body) and which kind is required, so no code path can fake any of them.
--   * Consent records are append-only: withdrawing consent adds a 'withdrawn' record. A record
--     names the exact version (id + hash) the client saw; the hash must match that version.
--   * Rows leave only with their owner: a client's records with the client (erasure), documents
--     and everything else with the practitioner's account.

create table public.consent_documents (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  kind text not null
    check (kind in ('data_processing', 'marketing', 'photography', 'health_information_sharing')),
  -- Safe: counts one practitioner's publications of one document, nowhere near 2^31.
  -- squawk-ignore prefer-bigint-over-int
  version integer not null check (version >= 1),
  title text not null check (char_length(btrim(title)) between 1 and 200),
  body text not null check (char_length(body) between 1 and 20000),
  content_hash text not null check (content_hash ~ '^[0-9a-f]{64}$'),
  required boolean not null,
  created_at timestamptz not null default now(),
  constraint consent_documents_required_check check (required = (kind = 'data_processing')),
  constraint consent_documents_user_id_kind_version_key unique (user_id, kind, version),
  -- Target of the consent records' (user_id, document_id) foreign key.
  constraint consent_documents_user_id_id_key unique (user_id, id)
);

create function app_private.guard_consent_document() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    if new.version <> coalesce(
      (select max(d.version) from public.consent_documents d where d.user_id = new.user_id and d.kind = new.kind), 0
    ) + 1 then
      raise exception 'Consent document versions are numbered in order; publish the next version'
        using errcode = 'unique_violation';
    end if;
    if new.content_hash is distinct from encode(sha256(convert_to(new.body, 'UTF8')), 'hex') then
      raise exception 'The content hash must be the sha256 of the body' using errcode = 'check_violation';
    end if;
    new.created_at := now();
    return new;
  end if;

  if tg_op in ('UPDATE', 'TRUNCATE') then
    raise exception 'Published consent documents cannot be changed; publish a new version'
      using errcode = 'object_not_in_prerequisite_state';
  end if;

  -- Deleted only with the practitioner's account (the cascade from auth.users).
  if exists (select 1 from auth.users u where u.id = old.user_id) then
    raise exception 'Published consent documents cannot be deleted'
      using errcode = 'object_not_in_prerequisite_state';
  end if;
  return old;
end
$$;

create trigger consent_documents_immutable
  before insert or update or delete on public.consent_documents
  for each row execute function app_private.guard_consent_document();

create trigger consent_documents_no_truncate
  before truncate on public.consent_documents
  for each statement execute function app_private.guard_consent_document();

create table public.client_consents (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  contact_id uuid not null,
  document_id uuid not null,
  document_hash text not null check (document_hash ~ '^[0-9a-f]{64}$'),
  kind text not null
    check (kind in ('data_processing', 'marketing', 'photography', 'health_information_sharing')),
  decision text not null check (decision in ('granted', 'declined', 'withdrawn')),
  signature_name text check (char_length(btrim(signature_name)) between 1 and 200),
  signature_image text check (
    char_length(signature_image) <= 200000 and signature_image like 'data:image/png;base64,%'
  ),
  source text not null check (source in ('intake', 'practitioner')),
  ip inet,
  user_agent text check (char_length(user_agent) <= 512),
  recorded_at timestamptz not null default now(),
  -- A client signs their own consent on the intake form; a practitioner only records withdrawals.
  constraint client_consents_signed_check check (source <> 'intake' or signature_name is not null),
  foreign key (user_id, contact_id) references public.contacts (user_id, id) on delete cascade,
  foreign key (user_id, document_id) references public.consent_documents (user_id, id) on delete cascade
);
create index client_consents_user_id_contact_id_recorded_at_idx
  on public.client_consents (user_id, contact_id, recorded_at desc, id desc);
create index client_consents_user_id_document_id_idx on public.client_consents (user_id, document_id);

create function app_private.guard_client_consent() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    if not exists (
      select 1 from public.consent_documents d
      where d.user_id = new.user_id and d.id = new.document_id
        and d.content_hash = new.document_hash and d.kind = new.kind
    ) then
      raise exception 'A consent record must name an existing version of its own kind, with that version''s hash'
        using errcode = 'foreign_key_violation';
    end if;
    new.recorded_at := now();
    return new;
  end if;

  -- Merging two clients moves the duplicate's records to the client kept: the client is the only
  -- thing that may change, and the foreign key keeps it within the same practitioner.
  if tg_op = 'UPDATE' and (to_jsonb(new) - 'contact_id') = (to_jsonb(old) - 'contact_id') then
    return new;
  end if;

  if tg_op in ('UPDATE', 'TRUNCATE') then
    raise exception 'Consent records cannot be changed; record a withdrawal instead'
      using errcode = 'object_not_in_prerequisite_state';
  end if;

  -- Deleted only with the client (erasure) or with the practitioner's account.
  if exists (select 1 from public.contacts c where c.user_id = old.user_id and c.id = old.contact_id) then
    if exists (select 1 from auth.users u where u.id = old.user_id) then
      raise exception 'Consent records cannot be deleted; record a withdrawal instead'
        using errcode = 'object_not_in_prerequisite_state';
    end if;
  end if;
  return old;
end
$$;

create trigger client_consents_append_only
  before insert or update or delete on public.client_consents
  for each row execute function app_private.guard_client_consent();

create trigger client_consents_no_truncate
  before truncate on public.client_consents
  for each statement execute function app_private.guard_client_consent();

alter table public.consent_documents enable row level security;
alter table public.client_consents enable row level security;
-- Supabase's default privileges give anon and authenticated everything on a new table, TRUNCATE
-- (which skips row level security) included: take them back, then grant only reading and appending.
revoke all on public.consent_documents, public.client_consents from anon, authenticated;
grant select, insert on public.consent_documents, public.client_consents to authenticated;
-- Only for merging clients; the trigger refuses any other change.
grant update (contact_id) on public.client_consents to authenticated;

create policy consent_documents_select on public.consent_documents for select to authenticated
  using (user_id = (select auth.uid()));
create policy consent_documents_insert on public.consent_documents for insert to authenticated
  with check (user_id = (select auth.uid()));

create policy client_consents_select on public.client_consents for select to authenticated
  using (user_id = (select auth.uid()));
-- The (user_id, …) foreign keys already tie the client and the version to the same practitioner.
create policy client_consents_insert on public.client_consents for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy client_consents_update on public.client_consents for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
