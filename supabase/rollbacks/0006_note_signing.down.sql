drop table if exists public.note_amendments;
drop function if exists app_private.guard_note_amendment();
drop trigger if exists notes_guard_signed on public.notes;
drop function if exists app_private.guard_signed_note();
alter table public.notes drop constraint if exists notes_user_id_id_key;
