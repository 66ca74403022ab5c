drop index if exists public.audit_events_client_merged_idx;
drop table if exists public.contact_duplicate_dismissals;
drop index if exists public.contacts_user_id_folded_name_idx;
drop index if exists public.contacts_user_id_phone_key_idx;
