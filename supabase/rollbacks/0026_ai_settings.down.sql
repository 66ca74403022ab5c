drop table if exists public.ai_settings;
-- Published documents and consent records refuse deletion, so rows of the AI kind stay; the old
-- list comes back NOT VALID, which refuses new ones without checking those.
alter table public.client_consents drop constraint if exists client_consents_kind_check;
alter table public.client_consents add constraint client_consents_kind_check
  check (kind in ('data_processing', 'marketing', 'photography', 'health_information_sharing')) not valid;
alter table public.consent_documents drop constraint if exists consent_documents_kind_check;
alter table public.consent_documents add constraint consent_documents_kind_check
  check (kind in ('data_processing', 'marketing', 'photography', 'health_information_sharing')) not valid;
