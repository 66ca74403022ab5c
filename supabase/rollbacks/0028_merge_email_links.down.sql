drop policy if exists email_message_contacts_insert on public.email_message_contacts;
revoke insert on public.email_message_contacts from authenticated;
