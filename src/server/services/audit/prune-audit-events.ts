import { sql } from "drizzle-orm";
import { env } from "@/server/config/env";
import type { DbExecutor } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";

/**
 * Retention: removes events older than AUDIT_RETENTION_DAYS through the one function the
 * append-only trigger lets delete. The cutoff is computed by the database, so clocks agree.
 */
export async function pruneAuditEvents(
  db: DbExecutor,
  retentionDays: number = env.AUDIT_RETENTION_DAYS,
): Promise<{ removed: number }> {
  const [row] = resultRows<{ removed: number | string }>(
    await db.execute(
      sql`select app_private.prune_audit_events(now() - make_interval(days => ${retentionDays}::int)) as removed`,
    ),
  );
  return { removed: Number(row?.removed ?? 0) };
}
