export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export interface DatedBackup {
  name: string;
  createdAt: Date;
}

export interface RetentionPlan {
  /** Kept backups with the reasons (`daily 2025-03-01`, `weekly 2025-W09`…). */
  keep: Map<string, string[]>;
  prune: string[];
}

const pad = (value: number) => String(value).padStart(2, "0");

/** ISO 8601 week in UTC: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${pad(week)}`;
}

const PERIODS: { kind: keyof RetentionPolicy; key: (date: Date) => string }[] = [
  { kind: "daily", key: (date) => date.toISOString().slice(0, 10) },
  { kind: "weekly", key: isoWeek },
  { kind: "monthly", key: (date) => date.toISOString().slice(0, 7) },
];

/**
 * Grandfather-father-son retention: for each of the last N days (weeks, months) that have a
 * backup, keep the newest backup of that period. The newest backup overall is always kept.
 */
export function planRetention(backups: DatedBackup[], policy: RetentionPolicy): RetentionPlan {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const keep = new Map<string, string[]>();
  const reason = (name: string, why: string) => keep.set(name, [...(keep.get(name) ?? []), why]);
  if (newestFirst[0]) reason(newestFirst[0].name, "newest");
  for (const period of PERIODS) {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      if (seen.size >= policy[period.kind]) break;
      const key = period.key(backup.createdAt);
      if (seen.has(key)) continue;
      seen.add(key);
      reason(backup.name, `${period.kind} ${key}`);
    }
  }
  return { keep, prune: newestFirst.filter((backup) => !keep.has(backup.name)).map((backup) => backup.name) };
}
