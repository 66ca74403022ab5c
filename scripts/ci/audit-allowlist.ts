/**
 * Advisories the team has accepted for a while (`.audit-allowlist.json`), and the verdict over an
 * audit: high and critical advisories fail unless a live entry accepts them; an expired entry fails.
 */
import { z } from "zod";
import type { Advisory, Severity } from "./npm-audit-report";

/** An acceptance is reviewed at least this often: an entry may expire at most this many days ahead. */
export const MAX_ACCEPTANCE_DAYS = 90;
export const FAILING_SEVERITIES: ReadonlySet<Severity> = new Set(["high", "critical"]);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD");

const entry = z.strictObject({
  id: z.string().regex(/^(GHSA(-[23456789cfghjmpqrvwx]{4}){3}|\d+)$/, "a GHSA id or npm's numeric advisory id"),
  package: z.string().min(1),
  reason: z.string().trim().min(20, "a reason a reviewer can check (at least 20 characters)"),
  expires: isoDate,
});
export type AllowlistEntry = z.infer<typeof entry>;

const allowlist = z.strictObject({ advisories: z.array(entry) });

export function parseAllowlist(json: string, file: string): AllowlistEntry[] {
  const result = allowlist.safeParse(JSON.parse(json));
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`${file} is not a valid allowlist:\n  ${problems.join("\n  ")}`);
  }
  return result.data.advisories;
}

export interface AuditVerdict {
  /** High and critical advisories no live entry accepts. */
  failing: Advisory[];
  accepted: { advisory: Advisory; entry: AllowlistEntry }[];
  /** Advisories below high: reported, never failing. */
  belowThreshold: Advisory[];
  /** Entries past their date, or dated further ahead than MAX_ACCEPTANCE_DAYS: each fails. */
  invalidEntries: { entry: AllowlistEntry; problem: string }[];
  /** Live entries that match no advisory any more: remove them. */
  unusedEntries: AllowlistEntry[];
}

/** `today` is a UTC date YYYY-MM-DD; an entry is live through its `expires` day. */
export function judgeAudit(advisories: Advisory[], entries: AllowlistEntry[], today: string): AuditVerdict {
  const latest = addDays(today, MAX_ACCEPTANCE_DAYS);
  const invalidEntries: AuditVerdict["invalidEntries"] = [];
  const live: AllowlistEntry[] = [];
  for (const candidate of entries) {
    if (candidate.expires < today)
      invalidEntries.push({ entry: candidate, problem: `expired on ${candidate.expires}` });
    else if (candidate.expires > latest) {
      invalidEntries.push({
        entry: candidate,
        problem: `expires more than ${MAX_ACCEPTANCE_DAYS} days ahead (${latest} at most)`,
      });
    } else live.push(candidate);
  }
  const verdict: AuditVerdict = { failing: [], accepted: [], belowThreshold: [], invalidEntries, unusedEntries: [] };
  const used = new Set<AllowlistEntry>();
  for (const advisory of advisories) {
    if (!FAILING_SEVERITIES.has(advisory.severity)) {
      verdict.belowThreshold.push(advisory);
      continue;
    }
    const match = live.find((candidate) => candidate.id === advisory.id && candidate.package === advisory.package);
    if (match) {
      used.add(match);
      verdict.accepted.push({ advisory, entry: match });
    } else verdict.failing.push(advisory);
  }
  verdict.unusedEntries = live.filter((candidate) => !used.has(candidate));
  return verdict;
}

export function auditPassed(verdict: AuditVerdict): boolean {
  return verdict.failing.length === 0 && verdict.invalidEntries.length === 0;
}

function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}
