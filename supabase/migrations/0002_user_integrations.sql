-- OAuth tokens of connected services (Google first). Tokens are stored only as AES-256-GCM
-- envelopes bound to their row; the app writes them through its system path, and a signed-in
-- practitioner may only read their own rows.
create table public.user_integrations (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  provider text not null check (provider ~ '^[a-z][a-z0-9_-]{1,31}$'),
  access_token_enc text check (access_token_enc ~ '^v[A-Za-z0-9]{1,16}:'),
  refresh_token_enc text check (refresh_token_enc ~ '^v[A-Za-z0-9]{1,16}:'),
  expires_at timestamptz,
  scopes text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint user_integrations_user_id_provider_key unique (user_id, provider)
);

alter table public.user_integrations enable row level security;
revoke all on public.user_integrations from anon, authenticated;
grant select on public.user_integrations to authenticated;
create policy user_integrations_select on public.user_integrations for select to authenticated
  using (user_id = (select auth.uid()));
