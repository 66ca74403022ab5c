import type { GoogleIntegration } from "@/lib/contracts/google";
import { env } from "@/server/config/env";
import { withSystemDb, withUserDb } from "@/server/db";
import { googleSettings } from "@/server/google";
import { readConnectionPublic, toGoogleConnection } from "./connection-row";
import { gmailSyncQueued } from "./enqueue-gmail-sync";
import { callbackUri } from "./google-paths";

/** `GET /api/integrations/google`: whether Google is set up here, and the caller's connection and its health. */
export async function getGoogleIntegration(userId: string, origin: string): Promise<GoogleIntegration> {
  // Read under row level security: the session role cannot even select the token columns.
  const row = await withUserDb(userId, (tx) => readConnectionPublic(tx, userId));
  const queued = row ? await withSystemDb("google:sync-queued", (tx) => gmailSyncQueued(tx, row.id)) : false;
  return {
    configured: googleSettings() !== null,
    redirectUri: callbackUri(origin),
    initialSyncDays: env.GMAIL_INITIAL_SYNC_DAYS,
    connection: row ? toGoogleConnection(row, queued) : null,
  };
}
