-- The practitioner's daily check-in (their own wellbeing, not a client's): energy, mood, sleep and
-- stress on 1–5 scales and a one-line note, in the morning and/or the evening. One per period and day
-- (the practitioner's day, src/lib/format/practitioner-day.ts); the API lets only today's be changed.
create table public.check_ins (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  day date not null,
  period text not null check (period in ('morning', 'evening')),
  -- squawk-ignore prefer-bigint-over-smallint
  energy smallint check (energy between 1 and 5),
  -- squawk-ignore prefer-bigint-over-smallint
  mood smallint check (mood between 1 and 5),
  -- squawk-ignore prefer-bigint-over-smallint
  sleep smallint check (sleep between 1 and 5),
  -- squawk-ignore prefer-bigint-over-smallint
  stress smallint check (stress between 1 and 5),
  note text check (char_length(note) between 1 and 140 and note !~ '[\r\n]'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Also the index every read goes through: the practitioner's days, in order.
  constraint check_ins_user_id_day_period_key unique (user_id, day, period),
  constraint check_ins_answered_check check (
    energy is not null or mood is not null or sleep is not null or stress is not null or note is not null
  )
);

alter table public.check_ins enable row level security;
revoke all on public.check_ins from anon;
grant select, insert, update, delete on public.check_ins to authenticated;

create policy check_ins_select on public.check_ins for select to authenticated
  using (user_id = (select auth.uid()));
create policy check_ins_insert on public.check_ins for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy check_ins_update on public.check_ins for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy check_ins_delete on public.check_ins for delete to authenticated
  using (user_id = (select auth.uid()));
