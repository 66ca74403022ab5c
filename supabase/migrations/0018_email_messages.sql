-- Gmail on the client timeline. Only mail with a client among its participants is stored: the
-- message (subject, snippet, participants, date, direction, thread, plain-text body capped at 100,000
-- characters, attachment names and sizes — never their bytes) and one link per client it involves.
-- Email is client data and is protected exactly like notes: row level security on the practitioner's
-- own rows, exported with the account, erased with the client (a message goes when its last client
-- link goes) and with the connection (disconnect) or the account. The sync writes on the system path
-- (it runs as a job); a signed-in practitioner reads, and deletes through erasure and the blocklist.
create table public.email_messages (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  connection_id uuid not null,
  gmail_message_id text not null check (gmail_message_id ~ '^[0-9A-Za-z_-]{1,64}$'),
  thread_id text not null check (char_length(thread_id) between 1 and 64),
  subject text not null default '' check (char_length(subject) <= 1000),
  snippet text not null default '' check (char_length(snippet) <= 500),
  from_email text check (char_length(from_email) <= 320),
  from_name text check (char_length(from_name) <= 200),
  -- [{ "name": text|null, "email": text }], at most 100 each.
  to_addresses jsonb not null default '[]'::jsonb check (jsonb_typeof(to_addresses) = 'array'),
  cc_addresses jsonb not null default '[]'::jsonb check (jsonb_typeof(cc_addresses) = 'array'),
  sent_at timestamptz not null,
  direction text not null check (direction in ('sent', 'received')),
  body_text text not null default '' check (char_length(body_text) <= 100000),
  body_truncated boolean not null default false,
  -- [{ "name": text, "size": bytes }], at most 50.
  attachments jsonb not null default '[]'::jsonb check (jsonb_typeof(attachments) = 'array'),
  label_ids text[] not null default '{}',
  imported_at timestamptz not null default now(),
  constraint email_messages_user_id_id_key unique (user_id, id),
  -- Import is idempotent on (connection, Gmail message id).
  constraint email_messages_connection_id_gmail_message_id_key unique (connection_id, gmail_message_id),
  constraint email_messages_connection_fkey foreign key (user_id, connection_id)
    references public.google_connections (user_id, id) on delete cascade
);
create index email_messages_user_id_sent_at_idx on public.email_messages (user_id, sent_at desc, id desc);
create index email_messages_user_id_connection_id_idx on public.email_messages (user_id, connection_id);

-- Which clients a message involves (From, To or Cc matched one of the client's addresses). sent_at
-- is copied from the message so a client's timeline is one keyset scan of this index.
create table public.email_message_contacts (
  user_id uuid not null,
  message_id uuid not null,
  contact_id uuid not null,
  sent_at timestamptz not null,
  primary key (user_id, message_id, contact_id),
  foreign key (user_id, message_id) references public.email_messages (user_id, id) on delete cascade,
  foreign key (user_id, contact_id) references public.contacts (user_id, id) on delete cascade
);
create index email_message_contacts_timeline_idx
  on public.email_message_contacts (user_id, contact_id, sent_at desc, message_id desc);

-- A message no client is linked to any more (the client was erased) is not kept: the mail was
-- stored only because of that client.
create function app_private.drop_unlinked_email_message() returns trigger
  language plpgsql security definer set search_path = '' as $$
begin
  delete from public.email_messages m
   where m.user_id = old.user_id and m.id = old.message_id
     and not exists (select 1 from public.email_message_contacts l
                      where l.user_id = old.user_id and l.message_id = old.message_id);
  return null;
end $$;
revoke all on function app_private.drop_unlinked_email_message() from public;
create trigger email_message_contacts_drop_unlinked after delete on public.email_message_contacts
  for each row execute function app_private.drop_unlinked_email_message();

-- Addresses (sam@example.com) and domains (@example.com) whose mail is never imported; adding one
-- purges what was already stored.
create table public.email_blocklist (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  pattern text not null check (pattern ~ '^([^\s@]+)?@[^\s@]+\.[^\s@]+$' and char_length(pattern) <= 320
                               and pattern = lower(pattern)),
  created_at timestamptz not null default now(),
  constraint email_blocklist_user_id_pattern_key unique (user_id, pattern)
);

-- Unknown senders who write repeatedly: a count per address (no message content is kept for mail
-- without a client), offered as "add as client?" once it reaches a threshold. Never creates a client.
create table public.email_sender_suggestions (
  user_id uuid not null references auth.users (id) on delete cascade,
  email text not null check (char_length(email) between 3 and 320 and email = lower(email)),
  display_name text check (char_length(display_name) <= 200),
  message_count bigint not null default 0 check (message_count >= 0),
  last_seen_at timestamptz not null,
  dismissed_at timestamptz,
  primary key (user_id, email)
);

alter table public.email_messages enable row level security;
alter table public.email_message_contacts enable row level security;
alter table public.email_blocklist enable row level security;
alter table public.email_sender_suggestions enable row level security;
revoke all on public.email_messages, public.email_message_contacts, public.email_blocklist,
  public.email_sender_suggestions from anon, authenticated;
grant select, delete on public.email_messages, public.email_message_contacts to authenticated;
grant select, insert, delete on public.email_blocklist to authenticated;
grant select, delete on public.email_sender_suggestions to authenticated;
grant update (dismissed_at) on public.email_sender_suggestions to authenticated;

create policy email_messages_select on public.email_messages for select to authenticated
  using (user_id = (select auth.uid()));
create policy email_messages_delete on public.email_messages for delete to authenticated
  using (user_id = (select auth.uid()));
create policy email_message_contacts_select on public.email_message_contacts for select to authenticated
  using (user_id = (select auth.uid()));
create policy email_message_contacts_delete on public.email_message_contacts for delete to authenticated
  using (user_id = (select auth.uid()));
create policy email_blocklist_select on public.email_blocklist for select to authenticated
  using (user_id = (select auth.uid()));
create policy email_blocklist_insert on public.email_blocklist for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy email_blocklist_delete on public.email_blocklist for delete to authenticated
  using (user_id = (select auth.uid()));
create policy email_sender_suggestions_select on public.email_sender_suggestions for select to authenticated
  using (user_id = (select auth.uid()));
create policy email_sender_suggestions_update on public.email_sender_suggestions for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy email_sender_suggestions_delete on public.email_sender_suggestions for delete to authenticated
  using (user_id = (select auth.uid()));
