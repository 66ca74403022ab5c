-- How the practitioner reads dates and times: locale, time zone, week start and clock. Every screen,
-- and later the calendar, reminders and tasks, formats instants with these (src/lib/format).
--   * locale null: the browser's own language (the request's Accept-Language on the server);
--   * time_zone null: not known yet. The next signed-in page guesses it from the browser and stores it,
--     so a zone is never UTC without the practitioner having seen it. Every zone so far is the old
--     default 'UTC' (there was no way to choose one), so those become unknown too;
--   * hour_cycle null: the locale's usual clock.
-- The list of locales and the IANA zone check live in the API contract (src/lib/contracts/profile.ts);
-- the database keeps the shapes.

-- Safe: the previous release never reads profiles.time_zone on a request path, so its instances keep
-- working during a rolling deploy.
-- squawk-ignore ban-drop-not-null
alter table public.profiles alter column time_zone drop not null;
alter table public.profiles alter column time_zone drop default;
update public.profiles set time_zone = null where time_zone = 'UTC';

alter table public.profiles add column locale text;
alter table public.profiles add column week_start text not null default 'monday';
alter table public.profiles add column hour_cycle text;

-- Safe: public.profiles holds one row per practitioner, so validating at once is a short scan.
-- squawk-ignore constraint-missing-not-valid
alter table public.profiles add constraint profiles_locale_check
  check (locale ~ '^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2}|-[0-9]{3})?$');
-- Safe: public.profiles holds one row per practitioner, so validating at once is a short scan.
-- squawk-ignore constraint-missing-not-valid
alter table public.profiles add constraint profiles_time_zone_check
  check (char_length(time_zone) between 1 and 64 and time_zone ~ '^[A-Za-z][A-Za-z0-9_+/-]*$');
-- Safe: public.profiles holds one row per practitioner, so validating at once is a short scan.
-- squawk-ignore constraint-missing-not-valid
alter table public.profiles add constraint profiles_week_start_check check (week_start in ('monday', 'sunday'));
-- Safe: public.profiles holds one row per practitioner, so validating at once is a short scan.
-- squawk-ignore constraint-missing-not-valid
alter table public.profiles add constraint profiles_hour_cycle_check check (hour_cycle in ('h12', 'h23'));
