-- In-app notifications ("an intake form arrived", later sync health, booking requests, failed
-- reminders…) and, per kind, whether the practitioner also wants an email. A notification stores its
-- kind and the structured fields its title is built from (never markup); the app's table of kinds
-- (src/server/services/notifications/notification-kinds.ts) turns them into text and links. One that
-- names a client points at it through (user_id, contact_id), so erasing the client removes it.
-- Clients that an intake submission created or updated carry new_from_intake_at until the practitioner
-- opens them.

alter table public.contacts add column new_from_intake_at timestamptz;
-- The "new from intake" filter; only the few flagged clients are in the index.
-- Safe: a partial index over a column added in this migration holds no rows yet, so the build is instant.
-- squawk-ignore require-concurrent-index-creation
create index contacts_user_id_new_from_intake_idx on public.contacts (user_id, id)
  where new_from_intake_at is not null;

-- Search reads this owner-rights view (0005): its `select *` was expanded when it was made, so the
-- new column is added by recreating it (new columns go at the end, which `or replace` allows).
create or replace view app_search.my_contacts as
  select * from public.contacts where user_id = (select auth.uid());

create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  kind text not null check (kind ~ '^[a-z][a-z_]*(\.[a-z][a-z_]*)*$' and char_length(kind) <= 60),
  data jsonb not null default '{}'::jsonb check (jsonb_typeof(data) = 'object' and octet_length(data::text) <= 4000),
  contact_id uuid,
  -- What makes two notifications the same event (e.g. one intake submission), so posting twice adds one.
  dedupe_key text not null check (char_length(dedupe_key) between 1 and 200),
  created_at timestamptz not null default now(),
  read_at timestamptz,
  constraint notifications_user_id_kind_dedupe_key_key unique (user_id, kind, dedupe_key),
  -- A notification about a client goes with the client (erasure, merge moves it first).
  constraint notifications_contact_fkey foreign key (user_id, contact_id)
    references public.contacts (user_id, id) on delete cascade
);
-- Newest first, keyset by (created_at, id); the unread count reads the partial index.
create index notifications_user_id_created_at_idx on public.notifications (user_id, created_at desc, id desc);
create index notifications_user_id_unread_idx on public.notifications (user_id) where read_at is null;
-- The cascade from contacts, and the client page's lookups.
create index notifications_user_id_contact_id_idx on public.notifications (user_id, contact_id)
  where contact_id is not null;

-- Per practitioner and kind: whether to email as well. No row means the kind's default.
create table public.notification_settings (
  user_id uuid not null references auth.users (id) on delete cascade,
  kind text not null check (kind ~ '^[a-z][a-z_]*(\.[a-z][a-z_]*)*$' and char_length(kind) <= 60),
  email boolean not null,
  updated_at timestamptz not null default now(),
  primary key (user_id, kind)
);

alter table public.notifications enable row level security;
alter table public.notification_settings enable row level security;
revoke all on public.notifications, public.notification_settings from anon;
-- Notifications are posted by the app on the practitioner's behalf (inside the change they report);
-- afterwards only read_at changes, and contact_id when a merge moves them to the client kept (the
-- (user_id, contact_id) foreign key keeps that to the practitioner's own clients).
grant select, insert on public.notifications to authenticated;
grant update (read_at, contact_id) on public.notifications to authenticated;
grant select, insert, update on public.notification_settings to authenticated;

create policy notifications_select on public.notifications for select to authenticated
  using (user_id = (select auth.uid()));
create policy notifications_insert on public.notifications for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and read_at is null
    and (contact_id is null
         or exists (select 1 from public.contacts c where c.id = contact_id and c.user_id = (select auth.uid())))
  );
create policy notifications_update on public.notifications for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));

create policy notification_settings_select on public.notification_settings for select to authenticated
  using (user_id = (select auth.uid()));
create policy notification_settings_insert on public.notification_settings for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy notification_settings_update on public.notification_settings for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
