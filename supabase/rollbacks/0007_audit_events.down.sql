drop function if exists app_private.erase_audit_events(uuid);
drop function if exists app_private.prune_audit_events(timestamptz);
drop table if exists public.audit_events;
drop function if exists app_private.guard_audit_events();
