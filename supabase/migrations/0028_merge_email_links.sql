-- Merging two records of one client moves the duplicate's email links to the client kept, in the
-- merge's own transaction under row level security: the signed-in role may add links to its own rows
-- (both foreign keys carry user_id, so message and client are the same practitioner's).
grant insert on public.email_message_contacts to authenticated;
create policy email_message_contacts_insert on public.email_message_contacts for insert to authenticated
  with check (user_id = (select auth.uid()));
