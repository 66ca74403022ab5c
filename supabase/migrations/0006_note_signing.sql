-- Sign-and-lock for session notes, enforced by the database itself so no code path (an API bug, a
-- script, a direct query under row level security) can alter a signed record:
--   * a signed ("final") note never changes again, except for the client it belongs to, which moves
--     when two client records are merged;
--   * a signed note is deleted only together with its client (or the practitioner's account);
--   * the database stamps the signing time and each amendment's date, so neither can be backdated;
--   * corrections are dated amendments, which are append-only and exist only on signed notes.
-- Drafts are ordinary notes with status 'draft': autosave writes to them in place.

-- Target of the amendments' (user_id, note_id) foreign key, so an amendment never points at
-- another practitioner's note.
-- Safe: public.notes is new in this release (0005), so it is empty or tiny when this runs.
-- squawk-ignore disallowed-unique-constraint, constraint-missing-not-valid
alter table public.notes add constraint notes_user_id_id_key unique (user_id, id);

create function app_private.guard_signed_note() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    -- The client still exists, so this is a deletion of the note itself, not a cascade from the client.
    if old.status = 'final'
       and exists (select 1 from public.contacts c where c.user_id = old.user_id and c.id = old.contact_id) then
      raise exception 'Signed notes cannot be deleted; add an amendment'
        using errcode = 'object_not_in_prerequisite_state';
    end if;
    return old;
  end if;

  if tg_op = 'UPDATE' and old.status = 'final' then
    -- Comparing whole rows keeps any column added later under the lock without touching this function.
    if (to_jsonb(new) - 'contact_id') is distinct from (to_jsonb(old) - 'contact_id') then
      raise exception 'Signed notes cannot be edited; add an amendment'
        using errcode = 'object_not_in_prerequisite_state';
    end if;
    return new;
  end if;

  -- Becoming final, on insert or on signing a draft: the time is the database's, never the caller's.
  if new.status = 'final' then
    new.signed_at := now();
  end if;
  return new;
end
$$;

create trigger notes_guard_signed
  before insert or update or delete on public.notes
  for each row execute function app_private.guard_signed_note();

create table public.note_amendments (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null,
  note_id uuid not null,
  body text not null check (char_length(btrim(body)) between 1 and 10000),
  created_at timestamptz not null default now(),
  foreign key (user_id, note_id) references public.notes (user_id, id) on delete cascade
);
create index note_amendments_user_id_note_id_created_at_idx on public.note_amendments (user_id, note_id, created_at);

create function app_private.guard_note_amendment() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    if not exists (
      select 1 from public.notes n where n.user_id = new.user_id and n.id = new.note_id and n.status = 'final'
    ) then
      raise exception 'Only signed notes take amendments; edit the draft instead'
        using errcode = 'object_not_in_prerequisite_state';
    end if;
    new.created_at := now();
    return new;
  end if;

  if tg_op = 'UPDATE' then
    raise exception 'Amendments cannot be changed; add another amendment'
      using errcode = 'object_not_in_prerequisite_state';
  end if;

  -- Deleted only when the note itself is gone (the cascade from deleting its client).
  if exists (select 1 from public.notes n where n.user_id = old.user_id and n.id = old.note_id) then
    raise exception 'Amendments cannot be deleted' using errcode = 'object_not_in_prerequisite_state';
  end if;
  return old;
end
$$;

create trigger note_amendments_append_only
  before insert or update or delete on public.note_amendments
  for each row execute function app_private.guard_note_amendment();

alter table public.note_amendments enable row level security;
revoke all on public.note_amendments from anon;
-- No update or delete grant: amendments are append-only for the application role as well.
grant select, insert on public.note_amendments to authenticated;

create policy note_amendments_select on public.note_amendments for select to authenticated
  using (user_id = (select auth.uid()));
create policy note_amendments_insert on public.note_amendments for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and exists (
      select 1 from public.notes n where n.id = note_id and n.user_id = (select auth.uid()) and n.status = 'final'
    )
  );
