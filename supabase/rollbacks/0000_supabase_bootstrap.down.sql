-- Removes only what the bootstrap created (marked 'omnicrm-bootstrap'). Roles are cluster-wide
-- and may be used by other databases on the same server, so they stay.
drop schema if exists app_private cascade;

do $$
begin
  if obj_description(to_regclass('auth.users'), 'pg_class') = 'omnicrm-bootstrap' then
    drop table auth.users;
  end if;
  if to_regprocedure('auth.uid()') is not null
     and obj_description(to_regprocedure('auth.uid()'), 'pg_proc') = 'omnicrm-bootstrap' then
    drop function auth.uid();
  end if;
  if exists (select 1 from pg_namespace where nspname = 'auth')
     and obj_description((select oid from pg_namespace where nspname = 'auth'), 'pg_namespace') = 'omnicrm-bootstrap' then
    drop schema auth cascade;
  end if;
end
$$;
