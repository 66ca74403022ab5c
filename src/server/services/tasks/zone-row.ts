import { sql } from "drizzle-orm";
import { DEFAULT_ZONES, type Zone } from "@/lib/contracts/tasks";
import type { DbTransaction } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { AppError } from "@/server/errors";

export const ZONE_NAME_TAKEN = { "23505": () => new AppError("conflict", "You already have a zone with this name") };

/**
 * The default zones, once per practitioner: the first read creates them and stamps
 * `task_preferences.zones_seeded_at`, so zones deleted later do not come back. Lazily rather than in the
 * migration and at sign-up, because accounts are made in two places (the embedded adapter and Supabase's
 * GoTrue) and existing accounts need them too; one code path covers all of them.
 */
export async function ensureDefaultZones(tx: DbTransaction, userId: string): Promise<void> {
  const claimed = resultRows(
    await tx.execute(sql`
      insert into public.task_preferences (user_id, zones_seeded_at) values (${userId}, now())
      on conflict (user_id) do update set zones_seeded_at = now(), updated_at = now()
        where public.task_preferences.zones_seeded_at is null
      returning user_id`),
  );
  if (claimed.length === 0) return;
  for (const [index, zone] of DEFAULT_ZONES.entries())
    await tx.execute(sql`insert into public.task_zones (user_id, name, color, sort_order)
                         values (${userId}, ${zone.name}, ${zone.color}, ${index})
                         on conflict do nothing`);
}

export async function selectZones(tx: DbTransaction, userId: string, id?: string): Promise<Zone[]> {
  const rows = resultRows<{ id: string; name: string; color: string; sort_order: number; open_count: number }>(
    await tx.execute(sql`
      select z.id, z.name, z.color, z.sort_order,
             (select count(*) from public.tasks t
               where t.user_id = z.user_id and t.zone_id = z.id
                 and t.status in ('backlog', 'todo', 'in_progress'))::int as open_count
        from public.task_zones z
       where z.user_id = ${userId} ${id === undefined ? sql`` : sql`and z.id = ${id}`}
       order by z.sort_order, lower(z.name), z.id`),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    color: row.color,
    sortOrder: Number(row.sort_order),
    openCount: Number(row.open_count),
  }));
}
