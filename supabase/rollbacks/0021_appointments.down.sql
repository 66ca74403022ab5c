drop table if exists public.appointments;
drop function if exists public.appointment_busy_range(timestamptz, timestamptz, integer, integer);

-- Only the extension this migration created (marked by its comment); one that was already there stays.
do $$
begin
  if exists (
    select 1 from pg_extension
     where extname = 'btree_gist' and obj_description(oid, 'pg_extension') = 'omnicrm:0021_appointments'
  ) then
    drop extension btree_gist;
  end if;
end
$$;
