import { sql } from "drizzle-orm";
import { FALLBACK_TIME_ZONE, zonedDay } from "@/lib/format";
import type { DbExecutor } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";

/** The practitioner's today (`YYYY-MM-DD`) in their profile's time zone (UTC until one is stored). */
export async function practitionerToday(db: DbExecutor, userId: string, now = new Date()): Promise<string> {
  const [profile] = resultRows<{ time_zone: string | null }>(
    await db.execute(sql`select time_zone from public.profiles where user_id = ${userId}`),
  );
  return zonedDay(now, profile?.time_zone ?? FALLBACK_TIME_ZONE);
}
