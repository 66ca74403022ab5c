-- The practitioner's own habits, and the hour their day starts.
--   * profiles.day_start_hour: the local hour (0–12) a new day begins for habits and check-ins, so a
--     check-in at 1 a.m. belongs to the day before when the day starts at 4. The day itself is
--     computed in one place (src/lib/format/practitioner-day.ts) and stored as a plain date.

-- Safe: a constant default is stored in the catalog, not written to every row (Postgres ≥ 11).
-- An hour of the day: 0–12 by the check below, so 16 bits are plenty.
-- squawk-ignore prefer-bigint-over-smallint
alter table public.profiles add column day_start_hour smallint not null default 0;
-- Safe: public.profiles holds one row per practitioner, so validating at once is a short scan.
-- squawk-ignore constraint-missing-not-valid
alter table public.profiles add constraint profiles_day_start_hour_check check (day_start_hour between 0 and 12);
