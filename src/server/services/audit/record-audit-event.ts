import { isIP } from "node:net";
import { sql, type SQL } from "drizzle-orm";
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

/** The column limits of 0007 (characters): a longer value would fail the insert and the change with it. */
const MAX_USER_AGENT = 512;
const MAX_REQUEST_ID = 128;

/** Only a parseable address reaches the `inet` column: anything else would abort the caller's transaction. */
function inetOrNull(ip: string | undefined): string | null {
  return ip !== undefined && isIP(ip) !== 0 ? ip : null;
}

/** Cuts at a code point boundary, so a cut never leaves half a surrogate pair. */
function clip(text: string | undefined, max: number): string | null {
  return text ? Array.from(text).slice(0, max).join("") : null;
}

/** The row an event becomes, with the request's address, user agent and id. */
export function auditEventValues(event: AuditEventInput) {
  const request = currentRequestContext();
  return {
    userId: event.userId,
    action: event.action,
    targetType: event.target?.type ?? null,
    targetId: event.target?.id ?? null,
    ip: inetOrNull(request?.ip),
    userAgent: clip(request?.userAgent, MAX_USER_AGENT),
    requestId: clip(request?.requestId, MAX_REQUEST_ID),
    metadata: event.metadata ?? {},
  };
}

/**
 * `insert … select` of one audit event for each row of `source` (a CTE's name), for a statement that
 * reads and audits at once (one round trip instead of two). Values as `recordAuditEvent` writes them.
 */
export function auditInsertFrom(source: SQL, event: AuditEventInput, options: { targetIdColumn?: SQL } = {}): SQL {
  const row = auditEventValues(event);
  // The target's id from the source's rows (a row the same statement inserts), or the event's own.
  const targetId = options.targetIdColumn ?? sql`${row.targetId}::uuid`;
  return sql`insert into public.audit_events (user_id, action, target_type, target_id, ip, user_agent, request_id, metadata)
    select ${row.userId}::uuid, ${row.action}, ${row.targetType}, ${targetId}, ${row.ip}::inet,
           ${row.userAgent}, ${row.requestId}, ${JSON.stringify(row.metadata)}::jsonb from ${source}`;
}

/**
 * Appends one audit event in the caller's transaction, so the event and the change it describes
 * commit together or not at all. IP, user agent and request id come from the request being served.
 * Under `withUserDb` the row's user must be the caller (row level security); events for another
 * or no account are written under `withSystemDb`. Returns the event's id.
 */
export async function recordAuditEvent(db: DbExecutor, event: AuditEventInput): Promise<string> {
  const [row] = await db.insert(auditEvents).values(auditEventValues(event)).returning({ id: auditEvents.id });
  if (!row) throw new Error("the audit event was not written");
  return row.id;
}
