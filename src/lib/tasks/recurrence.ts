import type { Recurrence } from "@/lib/contracts/tasks";
import { addDays, addMonths, isoWeekday, startOfWeek } from "./calendar-days";

/** A safety bound: no rule needs more steps than this to pass a date (daily over ~27 years). */
const MAX_STEPS = 10_000;

/**
 * The occurrence after `day` by the rule's rhythm alone. Weekly rules with weekdays take the next listed
 * weekday later in the same week, else the first listed weekday `interval` weeks on. Months and years
 * keep `anchorDay` (the series' first day of month), so 31 January → 29 February → 31 March.
 */
export function stepOccurrence(rule: Recurrence, day: string, anchorDay?: number): string {
  switch (rule.unit) {
    case "day":
      return addDays(day, rule.interval);
    case "week": {
      const weekdays = [...new Set(rule.weekdays ?? [])].sort((a, b) => a - b);
      if (weekdays.length === 0) return addDays(day, 7 * rule.interval);
      const current = isoWeekday(day);
      const laterThisWeek = weekdays.find((weekday) => weekday > current);
      if (laterThisWeek !== undefined) return addDays(day, laterThisWeek - current);
      const monday = addDays(startOfWeek(day, "monday"), 7 * rule.interval);
      return addDays(monday, (weekdays[0] ?? 1) - 1);
    }
    case "month":
      return addMonths(day, rule.interval, anchorDay);
    case "year":
      return addMonths(day, 12 * rule.interval, anchorDay);
  }
}

/** The first day on or after `day` that the rule's weekdays allow (the day itself for rules without weekdays). */
export function firstOccurrenceFrom(rule: Recurrence, day: string): string {
  if (rule.unit !== "week" || !rule.weekdays?.length) return day;
  for (let offset = 0; offset < 7; offset += 1) {
    const candidate = addDays(day, offset);
    if (rule.weekdays.includes(isoWeekday(candidate))) return candidate;
  }
  return day;
}

export interface NextOccurrenceInput {
  rule: Recurrence;
  /** The due day of the occurrence being completed or skipped. */
  dueDate: string;
  /** The practitioner's today when it was completed or skipped. */
  today: string;
  /** The day of month the series started on, kept across short months. */
  anchorDay?: number;
}

/**
 * The due day of the next occurrence.
 * - "every" (from the schedule): the first occurrence of the rhythm after the due day that is also after
 *   today, so completing an overdue daily task gives tomorrow, not another overdue task.
 * - "every!" (from completion): one step from today (the first allowed weekday for weekly rules).
 */
export function nextDueDate({ rule, dueDate, today, anchorDay }: NextOccurrenceInput): string {
  if (rule.from === "completion") return stepOccurrence(rule, today);
  let next = stepOccurrence(rule, dueDate, anchorDay);
  for (let steps = 0; next <= today && steps < MAX_STEPS; steps += 1) next = stepOccurrence(rule, next, anchorDay);
  return next;
}

/** Where an overdue occurrence rolls over to: its first occurrence on or after today. */
export function rolledOverDueDate(rule: Recurrence | null, dueDate: string, today: string, anchorDay?: number): string {
  if (dueDate >= today) return dueDate;
  if (!rule) return today;
  let next = dueDate;
  for (let steps = 0; next < today && steps < MAX_STEPS; steps += 1) next = stepOccurrence(rule, next, anchorDay);
  return next;
}

/** Weekday mask (bit 0 = Monday) ⇄ ISO weekday list, as stored in `recurrence_weekdays`. */
export function weekdaysToMask(weekdays: readonly number[] | null | undefined): number | null {
  if (!weekdays?.length) return null;
  return weekdays.reduce((mask, weekday) => mask | (1 << (weekday - 1)), 0);
}

export function maskToWeekdays(mask: number | null): number[] | null {
  if (!mask) return null;
  return [1, 2, 3, 4, 5, 6, 7].filter((weekday) => mask & (1 << (weekday - 1)));
}
