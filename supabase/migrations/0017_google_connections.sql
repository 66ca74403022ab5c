-- A practitioner's Google connection (Gmail read-only for now): the account, what it granted, its
-- tokens (AES-256-GCM envelopes from the app keyring, bound to the row: src/server/crypto), its health
-- and where the Gmail sync stands. One per practitioner. Tokens and the sync position are written by
-- the app on its system path (connect, refresh, sync); the signed-in practitioner may read everything
-- but the token columns, and delete the row (disconnect).
create table public.google_connections (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  google_email text not null check (char_length(google_email) between 3 and 320),
  scopes text[] not null default '{}',
  access_token_enc text check (access_token_enc ~ '^v[A-Za-z0-9]{1,16}:'),
  refresh_token_enc text check (refresh_token_enc ~ '^v[A-Za-z0-9]{1,16}:'),
  token_expires_at timestamptz,
  -- connected: syncing normally; needs_reconnect: Google refused the grant (revoked, expired, scope
  -- removed), nothing retries until the practitioner reconnects; failing: the last sync failed and will retry.
  status text not null default 'connected' check (status in ('connected', 'needs_reconnect', 'failing')),
  status_reason text check (char_length(status_reason) <= 500),
  -- Incremental sync position: Gmail's historyId after the last completed pass, and the page of
  -- history (or of the first import's message list) reached inside an unfinished pass.
  history_id text check (history_id ~ '^[0-9]{1,30}$'),
  sync_page_token text check (char_length(sync_page_token) <= 1000),
  -- The historyId a first (or from-scratch) import started at; becomes history_id when it finishes.
  full_sync_history_id text check (full_sync_history_id ~ '^[0-9]{1,30}$'),
  full_sync_requested_at timestamptz,
  last_sync_started_at timestamptz,
  last_sync_succeeded_at timestamptz,
  last_sync_failed_at timestamptz,
  messages_imported bigint not null default 0 check (messages_imported >= 0),
  stale_history_resyncs bigint not null default 0 check (stale_history_resyncs >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint google_connections_user_id_key unique (user_id),
  constraint google_connections_user_id_id_key unique (user_id, id)
);

alter table public.google_connections enable row level security;
revoke all on public.google_connections from anon, authenticated;
grant select (id, user_id, google_email, scopes, token_expires_at, status, status_reason, history_id,
              sync_page_token, full_sync_history_id, full_sync_requested_at, last_sync_started_at,
              last_sync_succeeded_at, last_sync_failed_at, messages_imported, stale_history_resyncs,
              created_at, updated_at)
  on public.google_connections to authenticated;
grant delete on public.google_connections to authenticated;
create policy google_connections_select on public.google_connections for select to authenticated
  using (user_id = (select auth.uid()));
create policy google_connections_delete on public.google_connections for delete to authenticated
  using (user_id = (select auth.uid()));

-- An OAuth round trip in flight: the state's SHA-256, the session it was started from (a SHA-256 of
-- the session's own id, so the callback must come back in that same signed-in session) and the PKCE
-- verifier. Spent by the callback, gone after ten minutes.
create table app_private.google_oauth_states (
  state_hash text primary key check (state_hash ~ '^[0-9a-f]{64}$'),
  user_id uuid not null references auth.users (id) on delete cascade,
  session_hash text not null check (session_hash ~ '^[0-9a-f]{64}$'),
  code_verifier text not null check (char_length(code_verifier) between 43 and 128),
  redirect_uri text not null check (char_length(redirect_uri) <= 2000),
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);
create index google_oauth_states_user_id_idx on app_private.google_oauth_states (user_id);
alter table app_private.google_oauth_states enable row level security;
revoke all on app_private.google_oauth_states from public;
