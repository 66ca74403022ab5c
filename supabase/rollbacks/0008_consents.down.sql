drop table if exists public.client_consents;
drop function if exists app_private.guard_client_consent();
drop table if exists public.consent_documents;
drop function if exists app_private.guard_consent_document();
