import type { Recurrence } from "@/lib/contracts/tasks";

const WEEKDAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** A repeat rule in the quick-add's own words: "every 2 weeks", "every Mon, Thu", "every! month". */
export function describeRecurrence(rule: Recurrence): string {
  const every = rule.from === "completion" ? "every!" : "every";
  if (rule.unit === "week" && rule.weekdays?.length) {
    const days =
      rule.weekdays.length === 5 && rule.weekdays.every((day, index) => day === index + 1)
        ? "weekday"
        : rule.weekdays.map((day) => WEEKDAY_NAMES[day - 1] ?? "").join(", ");
    return `${every} ${rule.interval > 1 ? `${rule.interval} weeks on ` : ""}${days}`;
  }
  return rule.interval === 1 ? `${every} ${rule.unit}` : `${every} ${rule.interval} ${rule.unit}s`;
}

/** The explanation beside a rule: where the next occurrence is counted from. */
export function recurrenceBasis(rule: Recurrence): string {
  return rule.from === "completion" ? "counted from the day you complete it" : "on schedule, whenever you complete it";
}
