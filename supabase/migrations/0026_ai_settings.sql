-- AI switches per practitioner and the "AI-assisted processing" consent kind.
--   * ai_settings: one row per practitioner, none until they first save (no row = AI off, notes
--     readable once it is on, consent required, the default monthly token quota). AI is off until
--     the practitioner turns it on: client notes are health information.
--   * consent_policy: 'require_consent' lets a client's data reach a prompt only after they granted
--     the AI consent; 'allow_unless_declined' also lets in clients who never answered it. Either way a
--     client whose latest answer is declined or withdrawn is left out of every prompt.
--   * The consent kind 'ai_processing' is optional like marketing or photography: version 1 of its
--     document is published from the app's default text the first time a practitioner's documents
--     are read, so it appears on the intake form from then on.

alter table public.consent_documents drop constraint consent_documents_kind_check;
alter table public.consent_documents add constraint consent_documents_kind_check
  check (kind in ('data_processing', 'marketing', 'photography', 'health_information_sharing', 'ai_processing'))
  not valid;
-- Safe: the new list contains the old one, so every existing row passes; validation takes no lock that blocks writes.
-- squawk-ignore constraint-missing-not-valid
alter table public.consent_documents validate constraint consent_documents_kind_check;

alter table public.client_consents drop constraint client_consents_kind_check;
alter table public.client_consents add constraint client_consents_kind_check
  check (kind in ('data_processing', 'marketing', 'photography', 'health_information_sharing', 'ai_processing'))
  not valid;
-- Safe: the new list contains the old one, so every existing row passes; validation takes no lock that blocks writes.
-- squawk-ignore constraint-missing-not-valid
alter table public.client_consents validate constraint client_consents_kind_check;

create table public.ai_settings (
  user_id uuid primary key references auth.users (id) on delete cascade,
  enabled boolean not null default false,
  read_notes boolean not null default true,
  consent_policy text not null default 'require_consent'
    check (consent_policy in ('require_consent', 'allow_unless_declined')),
  -- Safe: a monthly token allowance, capped far below 2^31 by this check.
  -- squawk-ignore prefer-bigint-over-int
  monthly_token_quota integer not null default 200000 check (monthly_token_quota between 0 and 10000000),
  updated_at timestamptz not null default now()
);

alter table public.ai_settings enable row level security;
-- Supabase's default grants include TRUNCATE and DELETE, which this table never needs: only the account's deletion removes a row.
revoke all on public.ai_settings from anon, authenticated;
grant select, insert, update on public.ai_settings to authenticated;
create policy ai_settings_select on public.ai_settings for select to authenticated
  using (user_id = (select auth.uid()));
create policy ai_settings_insert on public.ai_settings for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy ai_settings_update on public.ai_settings for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
