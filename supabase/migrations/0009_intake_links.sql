-- Intake links: a practitioner hands a client a URL carrying a random token; the client fills in the
-- intake form without an account. Only the SHA-256 of the token is stored (base64url), so a copy of
-- the database cannot be turned into working links. Anonymous visitors never read this table: the
-- form resolves its token through one security-definer function that answers only for a live link
-- and only with what the form shows. Submissions consume a use on the privileged connection, with
-- the "still usable" check inside the same update statement (see src/server/services/intake).

create table public.intake_links (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  label text not null check (char_length(btrim(label)) between 1 and 120),
  -- base64url of SHA-256: 43 characters, no padding.
  token_hash text not null unique check (token_hash ~ '^[A-Za-z0-9_-]{43}$'),
  expires_at timestamptz not null,
  -- Safe: use counts are bounded by the check (at most 100).
  -- squawk-ignore prefer-bigint-over-int
  max_uses integer not null default 1 check (max_uses between 1 and 100),
  -- squawk-ignore prefer-bigint-over-int
  used_count integer not null default 0 check (used_count between 0 and max_uses),
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  -- A link lives between 1 and 168 hours (a minute of slack for clocks between app and database).
  constraint intake_links_lifetime check (
    expires_at > created_at + interval '59 minutes' and expires_at <= created_at + interval '168 hours 1 minute'
  )
);
create index intake_links_user_id_created_at_idx on public.intake_links (user_id, created_at desc, id desc);

alter table public.intake_links enable row level security;
-- A practitioner creates, lists and revokes their own links; only revoked_at may change, so the use
-- counter and expiry cannot be reset from a session.
grant select, insert on public.intake_links to authenticated;
grant update (revoked_at) on public.intake_links to authenticated;
create policy intake_links_select on public.intake_links for select to authenticated
  using (user_id = (select auth.uid()));
create policy intake_links_insert on public.intake_links for insert to authenticated
  with check (user_id = (select auth.uid()) and used_count = 0 and revoked_at is null);
create policy intake_links_update on public.intake_links for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));

-- The one door `anon` has: a schema holding nothing but the token lookup.
create schema app_intake;
revoke all on schema app_intake from public;
grant usage on schema app_intake to anon;

-- A live link's id, owner, expiry and the names the form greets the client with; nothing for a
-- token that is unknown, expired, used up or revoked (the caller cannot tell which).
create function app_intake.link_for_token(hash text)
returns table (link_id uuid, user_id uuid, business_name text, display_name text, expires_at timestamptz)
language sql
stable
security definer
set search_path = ''
as $$
  select l.id, l.user_id, p.business_name, p.display_name, l.expires_at
    from public.intake_links l
    left join public.profiles p on p.user_id = l.user_id
   where l.token_hash = hash
     and l.revoked_at is null
     and l.used_count < l.max_uses
     and l.expires_at > now()
$$;
revoke all on function app_intake.link_for_token(text) from public;
grant execute on function app_intake.link_for_token(text) to anon;
