import type { AuditAction, AuditMetadata, AuditTargetType } from "@/lib/contracts/audit";
import type { DbExecutor } from "@/server/db";
import { auditEvents } from "@/server/db/schema";
import { currentRequestContext } from "@/server/observability/request-context";

export interface AuditEventInput {
  /** The account the event belongs to; null only when no account is known (failed sign-in). */
  userId: string | null;
  action: AuditAction;
  target?: { type: AuditTargetType; id: string } | undefined;
  metadata?: AuditMetadata | undefined;
}

const MAX_USER_AGENT = 512;

/**
 * Appends one audit event in the caller's transaction, so the event and the change it describes
 * commit together or not at all. IP, user agent and request id come from the request being served.
 * Under `withUserDb` the row's user must be the caller (row level security); events for another
 * or no account are written under `withSystemDb`.
 */
export async function recordAuditEvent(db: DbExecutor, event: AuditEventInput): Promise<void> {
  const request = currentRequestContext();
  const ip = request?.ip && request.ip !== "unknown" ? request.ip : null;
  await db.insert(auditEvents).values({
    userId: event.userId,
    action: event.action,
    targetType: event.target?.type ?? null,
    targetId: event.target?.id ?? null,
    ip,
    userAgent: request?.userAgent ? request.userAgent.slice(0, MAX_USER_AGENT) : null,
    requestId: request?.requestId ?? null,
    metadata: event.metadata ?? {},
  });
}
