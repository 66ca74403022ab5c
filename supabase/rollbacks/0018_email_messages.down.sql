drop table if exists public.email_sender_suggestions;
drop table if exists public.email_blocklist;
drop table if exists public.email_message_contacts;
drop function if exists app_private.drop_unlinked_email_message();
drop table if exists public.email_messages;
