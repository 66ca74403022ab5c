-- What Supabase provides, created only where it is missing, so the same migrations run on
-- Supabase, plain Postgres and PGlite. Objects created here carry the comment 'omnicrm-bootstrap'
-- so the rollback removes only what this file made.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
end
$$;

-- The connecting role must be able to switch to authenticated for withUserDb.
do $$
begin
  if not pg_has_role(current_user, 'authenticated', 'member') then
    execute format('grant authenticated to %I', current_user);
  end if;
  if not pg_has_role(current_user, 'anon', 'member') then
    execute format('grant anon to %I', current_user);
  end if;
end
$$;

do $$
begin
  if not exists (select 1 from pg_namespace where nspname = 'auth') then
    create schema auth;
    comment on schema auth is 'omnicrm-bootstrap';
  end if;
end
$$;

do $$
begin
  if to_regprocedure('auth.uid()') is null then
    create function auth.uid() returns uuid
      language sql stable
      as $fn$
        select coalesce(
          nullif(current_setting('request.jwt.claim.sub', true), ''),
          (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
        )::uuid
      $fn$;
    comment on function auth.uid() is 'omnicrm-bootstrap';
  end if;
  if to_regclass('auth.users') is null then
    create table auth.users (
      id uuid primary key,
      email text unique,
      created_at timestamptz not null default now()
    );
    comment on table auth.users is 'omnicrm-bootstrap';
  end if;
end
$$;

grant usage on schema auth to anon, authenticated, service_role;
grant execute on function auth.uid() to anon, authenticated, service_role;

create schema if not exists app_private;
revoke all on schema app_private from public;
