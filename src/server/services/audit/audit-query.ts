import { sql, type SQL } from "drizzle-orm";
import {
  actionsIn,
  type AuditAction,
  type AuditEvent,
  type AuditEventFilters,
  type AuditMetadata,
  type AuditTargetType,
} from "@/lib/contracts/audit";
import type { KeysetCursor } from "@/server/pagination/keyset-cursor";

export interface AuditEventRow {
  id: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  metadata: unknown;
  occurred_at: string;
  target_exists: boolean | null;
}

/**
 * One page of a practitioner's events, newest first. The explicit user_id keeps the walk on the
 * (user_id, occurred_at desc, id desc) index; row level security applies besides.
 */
export function auditPageStatement(
  userId: string,
  filters: AuditEventFilters,
  after: KeysetCursor | null,
  limit: number,
): SQL {
  const conditions = [sql`e.user_id = ${userId}`, ...filterConditions(userId, filters)];
  if (after) conditions.push(sql`(e.occurred_at, e.id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
  return sql`
    select e.id, e.action, e.target_type, e.target_id, host(e.ip) as ip, e.user_agent, e.request_id, e.metadata,
           to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_at,
           case when e.target_type = 'client' then exists (
             select 1 from public.contacts c where c.id = e.target_id and c.user_id = e.user_id
           ) end as target_exists
      from public.audit_events e
     where ${sql.join(conditions, sql` and `)}
     order by e.occurred_at desc, e.id desc
     limit ${limit}`;
}

/** How many of the practitioner's events the filters match. */
export function auditCountStatement(userId: string, filters: AuditEventFilters): SQL {
  const conditions = [sql`e.user_id = ${userId}`, ...filterConditions(userId, filters)];
  return sql`select count(*) as count from public.audit_events e where ${sql.join(conditions, sql` and `)}`;
}

/**
 * A client's id and the ids of every client merged into it (and into those, …), from the
 * `client.merged` events: a merged client's history stays the surviving client's history.
 */
function clientAndMergedIds(userId: string, targetId: string): SQL {
  return sql`(with recursive merged (id) as (
      select ${targetId}::uuid
      union
      select (m.metadata ->> 'duplicateId')::uuid
        from public.audit_events m join merged on m.target_id = merged.id
       where m.user_id = ${userId} and m.action = 'client.merged'
    ) select id from merged)`;
}

function filterConditions(userId: string, filters: AuditEventFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.action) conditions.push(sql`e.action = ${filters.action}`);
  if (filters.category) {
    const actions = actionsIn(filters.category).map((action) => sql`${action}`);
    conditions.push(sql`e.action in (${sql.join(actions, sql`, `)})`);
  }
  if (filters.targetType) conditions.push(sql`e.target_type = ${filters.targetType}`);
  if (filters.targetId) conditions.push(sql`e.target_id in ${clientAndMergedIds(userId, filters.targetId)}`);
  if (filters.from) conditions.push(sql`e.occurred_at >= ${filters.from}::timestamptz`);
  if (filters.to) conditions.push(sql`e.occurred_at < ${filters.to}::timestamptz`);
  return conditions;
}

function metadataOf(value: unknown): AuditMetadata {
  const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
  return parsed !== null && typeof parsed === "object" ? (parsed as AuditMetadata) : {};
}

/** A stored row as the API shows it. */
export function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    id: row.id,
    // The check constraint and the catalogue agree on every action the app writes.
    action: row.action as AuditAction,
    targetType: row.target_type as AuditTargetType | null,
    targetId: row.target_id,
    targetExists: row.target_exists,
    ip: row.ip,
    userAgent: row.user_agent,
    requestId: row.request_id,
    metadata: metadataOf(row.metadata),
    occurredAt: row.occurred_at,
  };
}
