-- The audit log: who did what to which record, when, from where. Append-only for everyone the app
-- acts as: `authenticated` may insert and read its own events, nothing may update them, and rows
-- leave only through the two maintenance functions below (retention pruning and account erasure).
-- Events never hold personal data beyond the actor's ids and network details: metadata carries ids,
-- counts and field names, never names, emails or note text, so erasing a client leaves no trace of
-- who the client was.

create table public.audit_events (
  id uuid primary key default gen_random_uuid(),
  -- Null for events without a known account (a failed sign-in for an unknown email, a deleted account).
  user_id uuid,
  action text not null check (action ~ '^[a-z_]+(\.[a-z_]+)+$'),
  target_type text check (target_type ~ '^[a-z_]+$'),
  target_id uuid,
  ip inet,
  user_agent text check (char_length(user_agent) <= 512),
  request_id text check (char_length(request_id) <= 128),
  metadata jsonb not null default '{}'::jsonb check (jsonb_typeof(metadata) = 'object'),
  occurred_at timestamptz not null default now()
);
create index audit_events_user_id_occurred_at_idx on public.audit_events (user_id, occurred_at desc, id desc);
create index audit_events_occurred_at_idx on public.audit_events (occurred_at);

alter table public.audit_events enable row level security;
-- Supabase's default privileges hand anon and authenticated every right on new public tables
-- (TRUNCATE skips row level security): take them back, then grant only reading and appending.
revoke all on public.audit_events from anon, authenticated;
grant select, insert on public.audit_events to authenticated;
create policy audit_events_select on public.audit_events for select to authenticated
  using (user_id = (select auth.uid()));
create policy audit_events_insert on public.audit_events for insert to authenticated
  with check (user_id = (select auth.uid()));

-- Even the owning role cannot change history by accident: every update, and every delete outside the
-- maintenance functions (which set omnicrm.audit_maintenance for their own transaction), is refused.
create function app_private.guard_audit_events() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' and current_setting('omnicrm.audit_maintenance', true) = 'on' then
    return old;
  end if;
  raise exception 'Audit events are append-only'
    using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_events_append_only
  before update or delete on public.audit_events
  for each row execute function app_private.guard_audit_events();

create trigger audit_events_no_truncate
  before truncate on public.audit_events
  for each statement execute function app_private.guard_audit_events();

-- Retention: removes events older than the cutoff; returns how many went.
create function app_private.prune_audit_events(cutoff timestamptz) returns bigint
language plpgsql
set search_path = ''
as $$
declare
  removed bigint;
begin
  perform set_config('omnicrm.audit_maintenance', 'on', true);
  delete from public.audit_events where occurred_at < cutoff;
  get diagnostics removed = row_count;
  perform set_config('omnicrm.audit_maintenance', 'off', true);
  return removed;
end
$$;

-- Account erasure: removes every event of one account; returns how many went.
create function app_private.erase_audit_events(account uuid) returns bigint
language plpgsql
set search_path = ''
as $$
declare
  removed bigint;
begin
  perform set_config('omnicrm.audit_maintenance', 'on', true);
  delete from public.audit_events where user_id = account;
  get diagnostics removed = row_count;
  perform set_config('omnicrm.audit_maintenance', 'off', true);
  return removed;
end
$$;

revoke all on function app_private.prune_audit_events(timestamptz) from public;
revoke all on function app_private.erase_audit_events(uuid) from public;
