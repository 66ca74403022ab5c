import { sql } from "drizzle-orm";
import { GOOGLE_SYNC_STALE_HOURS } from "@/lib/contracts/google";
import { withSystemDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { gauge } from "@/server/observability/metrics";

/**
 * Gmail sync health, read from the database at scrape time: connections by status, and those that
 * can sync but have not succeeded for GOOGLE_SYNC_STALE_HOURS (the alert OmniCRMGmailSyncStalled),
 * so a connection that silently stopped is never counted as healthy.
 */
export function registerGmailSyncMetrics(): void {
  gauge({
    name: "omnicrm_gmail_connections",
    help: "Google connections by status: connected, failing, needs_reconnect",
    labelNames: ["status"],
    async collect() {
      const rows = await withSystemDb("metrics:gmail-connections", async (tx) =>
        resultRows<{ status: string; count: number }>(
          await tx.execute(sql`select status, count(*)::int as count from public.google_connections group by status`),
        ),
      );
      this.reset();
      for (const row of rows) this.set({ status: row.status }, Number(row.count));
    },
  });
  gauge({
    name: "omnicrm_gmail_connections_stalled",
    help: `Google connections that can sync but have had no successful sync for ${GOOGLE_SYNC_STALE_HOURS} hours`,
    async collect() {
      const [row] = await withSystemDb("metrics:gmail-stalled", async (tx) =>
        resultRows<{ count: number }>(
          await tx.execute(sql`
            select count(*)::int as count from public.google_connections
             where status <> 'needs_reconnect'
               and coalesce(last_sync_succeeded_at, created_at)
                   < now() - make_interval(hours => ${GOOGLE_SYNC_STALE_HOURS})`),
        ),
      );
      this.set(Number(row?.count ?? 0));
    },
  });
}
