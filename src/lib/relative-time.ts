import { formatDistanceStrict } from "date-fns";

/**
 * "5 minutes ago", "just now": how long before `now` an instant was. The one place notifications
 * format relative times, so a shared date-formatting module can take it over in one edit.
 */
export function formatRelativeTime(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return "";
  if (now.getTime() - at.getTime() < 45_000) return "just now";
  return formatDistanceStrict(at, now, { addSuffix: true });
}
