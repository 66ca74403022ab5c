import type { ContactSource, LifecycleStage } from "@/lib/contracts/contacts";
import { formatCount } from "@/lib/format/numbers";

/** How clients and their fields read on screen: shared by the list, the client page and Settings → Tags. */

/** Up to two letters for an avatar: first and last word with a letter in it ("Ana María López 2" → "AL"). */
export function initialsOf(displayName: string): string {
  const words = displayName.trim().split(/\s+/);
  const lettered = words.filter((word) => /\p{L}/u.test(word));
  const candidates = lettered.length > 0 ? lettered : words.filter((word) => /\p{N}/u.test(word));
  const first = candidates[0];
  if (!first) return "?";
  const last = candidates.length > 1 ? candidates.at(-1) : undefined;
  const letter = (word: string) => Array.from(word.replace(/^[^\p{L}\p{N}]+/u, ""))[0] ?? "";
  return (letter(first) + (last ? letter(last) : "")).toLocaleUpperCase();
}

/** "1 client", "3 clients", "1,024 clients". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

/** Each stage's badge colours; every pair keeps AA contrast on light and dark backgrounds. */
export const STAGE_BADGE_CLASSES: Record<LifecycleStage, string> = {
  Prospect: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100",
  "New Client": "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
  "Core Client": "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100",
  "Referral Champion": "bg-violet-100 text-violet-900 dark:bg-violet-900 dark:text-violet-100",
  "VIP Client": "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  "At Risk Client": "bg-orange-100 text-orange-900 dark:bg-orange-900 dark:text-orange-100",
  "Lost Client": "bg-rose-100 text-rose-900 dark:bg-rose-900 dark:text-rose-100",
};

export const SOURCE_LABELS: Record<ContactSource, string> = {
  manual: "Added by hand",
  intake: "Intake form",
  import: "CSV import",
  calendar: "Calendar",
  gmail: "Gmail",
};

/** The lines under a client's name: whichever of email and phone are known. */
export function reachLine(contact: { email: string | null; phone: string | null }): string {
  return [contact.email, contact.phone].filter(Boolean).join(" · ");
}
