import { sql } from "drizzle-orm";
import type { IntakeLink, IntakeLinkStatus } from "@/lib/contracts/intake";

/** The columns a practitioner sees, with the status derived in one place (revoked wins, then used up, then expired). */
export const INTAKE_LINK_COLUMNS = sql`
  id, label, max_uses as "maxUses", used_count as "usedCount",
  to_char(expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "expiresAt",
  to_char(revoked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "revokedAt",
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
  case
    when revoked_at is not null then 'revoked'
    when used_count >= max_uses then 'used_up'
    when expires_at <= now() then 'expired'
    else 'active'
  end as status`;

export type IntakeLinkRow = Omit<IntakeLink, "status"> & { status: IntakeLinkStatus };
