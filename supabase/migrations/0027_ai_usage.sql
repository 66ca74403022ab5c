-- The AI usage ledger: one row per provider call that answered, with the tokens the provider
-- reported (an estimate when it reported none). The monthly quota sums it before each call;
-- Settings → AI shows it month by month. No prompt text, no client ids: which clients' data a call
-- read is in its audit event, whose metadata holds ids only.

create table public.ai_usage (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  feature text not null check (feature ~ '^[a-z][a-z_]*$' and char_length(feature) <= 40),
  model text not null check (char_length(model) between 1 and 200),
  -- Safe: tokens of one call, bounded far below 2^31 by the provider's context window.
  -- squawk-ignore prefer-bigint-over-int
  input_tokens integer not null check (input_tokens >= 0),
  -- Safe: as above.
  -- squawk-ignore prefer-bigint-over-int
  output_tokens integer not null check (output_tokens >= 0),
  -- Safe: as above.
  -- squawk-ignore prefer-bigint-over-int
  total_tokens integer not null check (total_tokens >= 0),
  occurred_at timestamptz not null default now()
);
-- The month's sum before every call, and the history: both a range of one practitioner's rows.
create index ai_usage_user_id_occurred_at_idx on public.ai_usage (user_id, occurred_at desc);

alter table public.ai_usage enable row level security;
-- A ledger: the app appends on the practitioner's behalf and reads; rows go only with the account.
-- Supabase grants every table's privileges to both API roles by default (TRUNCATE skips row level
-- security): take them back, then grant only reading and appending.
revoke all on public.ai_usage from anon, authenticated;
grant select, insert on public.ai_usage to authenticated;
create policy ai_usage_select on public.ai_usage for select to authenticated
  using (user_id = (select auth.uid()));
create policy ai_usage_insert on public.ai_usage for insert to authenticated
  with check (user_id = (select auth.uid()));
