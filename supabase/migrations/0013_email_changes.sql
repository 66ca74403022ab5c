-- Email changes of built-in accounts (embedded mode): a practitioner asks for a new address, a link
-- goes to that address, and the change applies only when the link is used. Only the SHA-256 of the
-- link's token is stored, a token works once and expires, and a new request replaces any pending one.
-- Like the other app_private tables it is reached only by the auth service's system path; row level
-- security without policies keeps every other role out even if a grant is added by mistake.

create table app_private.email_changes (
  token_hash bytea primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  new_email text not null check (char_length(new_email) between 3 and 254),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  cancelled_at timestamptz
);
create index email_changes_user_id_idx on app_private.email_changes (user_id);

alter table app_private.email_changes enable row level security;
revoke all on app_private.email_changes from public;
