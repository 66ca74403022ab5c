import { counter } from "@/server/observability/metrics";
import type { SessionUser } from "../session-user";

/** How long a looked-up session is trusted before the database is asked again (and last_seen_at touched). */
export const SESSION_RECHECK_MS = 60_000;
const MAX_ENTRIES = 10_000;

interface CachedSession {
  user: SessionUser;
  checkedAt: number;
  expiresAt: number;
}

const lookups = counter({
  name: "auth_session_lookups_total",
  help: "Signed-in session lookups, by where the answer came from",
  labelNames: ["source"],
});

// Survives dev reloads like the database handle it mirrors.
const sessions = ((globalThis as { omnicrmSessionCache?: Map<string, CachedSession> }).omnicrmSessionCache ??=
  new Map());

/**
 * Sessions recently confirmed by the in-process database. Only the embedded (PGlite) database uses
 * it: one process owns that database, so every sign-out passes through here and can forget its entry.
 */
export function cachedSession(key: string, now = Date.now()): SessionUser | undefined {
  const entry = sessions.get(key);
  if (!entry) return undefined;
  if (now - entry.checkedAt >= SESSION_RECHECK_MS || now >= entry.expiresAt) {
    sessions.delete(key);
    return undefined;
  }
  return entry.user;
}

export function rememberSession(key: string, user: SessionUser, expiresAt: number, now = Date.now()): void {
  if (sessions.size >= MAX_ENTRIES) {
    const oldest = sessions.keys().next();
    if (!oldest.done) sessions.delete(oldest.value);
  }
  sessions.set(key, { user, checkedAt: now, expiresAt });
}

export function forgetSession(key: string): void {
  sessions.delete(key);
}

/** After sign-out-everywhere, a password reset or a profile change: every session of the user re-reads. */
export function forgetSessionsOf(userId: string): void {
  for (const [key, entry] of sessions) if (entry.user.id === userId) sessions.delete(key);
}

export function countLookup(source: "cache" | "database"): void {
  lookups.inc({ source });
}

/** Lookups answered so far from each source (for the operator's dashboard and the tests). */
export async function sessionLookupCounts(): Promise<{ cache: number; database: number }> {
  const values = (await lookups.get()).values;
  const count = (source: string) => values.find((value) => value.labels.source === source)?.value ?? 0;
  return { cache: count("cache"), database: count("database") };
}
