import type { AccountSession } from "./adapter";

/** A session as both adapters select it for the sessions list (the same columns from their own tables). */
export interface SessionRow {
  id: string;
  created_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
  current: boolean | null;
}

export function accountSessionOf(row: SessionRow): AccountSession {
  return {
    id: row.id,
    current: row.current === true,
    createdAt: new Date(row.created_at).toISOString(),
    lastSeenAt: new Date(row.last_seen_at).toISOString(),
    ip: row.ip,
    userAgent: row.user_agent ?? "",
  };
}
