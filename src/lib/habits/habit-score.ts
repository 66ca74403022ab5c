import { addDays, daysBetween, weekdayOf, type PractitionerDay } from "@/lib/format/practitioner-day";

/**
 * Streak and strength of a habit, computed from its answers; pure, so the server, the browser and the
 * tests agree. Days are the practitioner's days (src/lib/format/practitioner-day.ts).
 *
 * Strength follows Loop Habit Tracker's score, an exponential moving average of how completely each
 * step of the schedule was done:
 *
 *   strength' = strength × m + value × (1 − m),   m = 0.5 ^ (√frequency / 13)
 *
 * `frequency` is how often the habit is due per step: 1 for a daily habit and for each due day of a
 * weekday habit (a step is one due day), N/7 for "N times a week" (a step is every day). So a daily
 * habit loses half its distance to 0 after 13 missed days and a 3-a-week habit after about 20: one sick
 * day dents the score instead of wiping it out, which is the point of using it beside the streak.
 * `value` is 1 for a done day, 0 for a missed one; for "N times a week" it is min(1, yeses in the
 * last 7 days / N), so the score rises as the week's target is met.
 *
 * What does not count:
 *   - a skipped day cannot pull strength down: its value is at least the current strength
 *     (value = max(value, strength)), so a skip never does worse than a miss and never lowers the score;
 *   - a paused day (a holiday, "pause all") is neither a miss nor a hit: nothing changes and its
 *     answer, if any, is ignored;
 *   - days a weekday habit is not due, and today while it is still unanswered (the day is not over).
 */

export type HabitStatus = "yes" | "no" | "skip";

export type HabitSchedule =
  | { kind: "daily" }
  /** 0 = Sunday … 6 = Saturday. */
  | { kind: "weekdays"; weekdays: readonly number[] }
  | { kind: "times_per_week"; timesPerWeek: number };

export interface HabitHistory {
  schedule: HabitSchedule;
  /** The first day the habit counts from (the day it was created). */
  startDay: PractitionerDay;
  /** Answers by day. */
  entries: ReadonlyMap<PractitionerDay, HabitStatus>;
  /** Is the habit paused on this day (a "pause all" period)? */
  isPaused: (day: PractitionerDay) => boolean;
}

/** How far back strength is computed: after a year of 13-day half-lives the start no longer matters. */
export const STRENGTH_HORIZON_DAYS = 366;
const HALF_LIFE_STEPS = 13;

function multiplier(frequency: number): number {
  return 0.5 ** (Math.sqrt(frequency) / HALF_LIFE_STEPS);
}

/** Is the habit due on this day by its schedule ("N times a week" is due every day, a little)? */
export function isDueOn(schedule: HabitSchedule, day: PractitionerDay): boolean {
  return schedule.kind !== "weekdays" || schedule.weekdays.includes(weekdayOf(day));
}

/** The answer that counts on a day: none on a paused day. */
function answerOn(history: HabitHistory, day: PractitionerDay): HabitStatus | undefined {
  return history.isPaused(day) ? undefined : history.entries.get(day);
}

/** Strength from 0 to 1 at the end of `today` (or as far as today is answered). */
export function habitStrength(history: HabitHistory, today: PractitionerDay): number {
  const { schedule } = history;
  const horizon = addDays(today, -STRENGTH_HORIZON_DAYS);
  const first = history.startDay > horizon ? history.startDay : horizon;
  const perWeek = schedule.kind === "times_per_week" ? schedule.timesPerWeek : 0;
  const m = multiplier(perWeek > 0 ? perWeek / 7 : 1);
  let strength = 0;
  // The yeses of the last 7 days, for "N times a week".
  const window: boolean[] = [];
  let yesInWindow = 0;
  for (let offset = 0, span = daysBetween(first, today); offset <= span; offset += 1) {
    const day = addDays(first, offset);
    const answer = answerOn(history, day);
    if (perWeek > 0) {
      const yes = answer === "yes";
      window.push(yes);
      yesInWindow += yes ? 1 : 0;
      if (window.length > 7) yesInWindow -= window.shift() ? 1 : 0;
    }
    if (history.isPaused(day) || !isDueOn(schedule, day)) continue;
    if (day === today && answer === undefined) continue;
    let value = perWeek > 0 ? Math.min(1, yesInWindow / perWeek) : answer === "yes" ? 1 : 0;
    if (answer === "skip") value = Math.max(value, strength);
    strength = strength * m + value * (1 - m);
  }
  return strength;
}

export interface Streak {
  length: number;
  unit: "days" | "weeks";
}

/**
 * The current run of success, ending today. Daily and weekday habits count done days: skipped, paused
 * and not-due days neither count nor break it, and today breaks it only once answered "no". "N times a
 * week" counts weeks (starting on the practitioner's week start) that reached N: the current week
 * counts once it has, and until then does not break the run; a week with a pause in it that fell short
 * neither counts nor breaks it.
 */
export function currentStreak(history: HabitHistory, today: PractitionerDay, weekStart: 0 | 1 = 1): Streak {
  const { schedule } = history;
  if (schedule.kind === "times_per_week") return weeklyStreak(history, today, weekStart, schedule.timesPerWeek);
  let length = 0;
  for (let day = today; day >= history.startDay; day = addDays(day, -1)) {
    if (history.isPaused(day) || !isDueOn(schedule, day)) continue;
    const answer = answerOn(history, day);
    if (answer === "yes") length += 1;
    else if (answer === "skip" || (day === today && answer === undefined)) continue;
    else break;
  }
  return { length, unit: "days" };
}

function weeklyStreak(history: HabitHistory, today: PractitionerDay, weekStart: 0 | 1, target: number): Streak {
  const back = (weekdayOf(today) - weekStart + 7) % 7;
  let length = 0;
  for (let start = addDays(today, -back); addDays(start, 6) >= history.startDay; start = addDays(start, -7)) {
    let yeses = 0;
    let paused = false;
    for (let offset = 0; offset < 7; offset += 1) {
      const day = addDays(start, offset);
      if (day > today) break;
      if (history.isPaused(day)) paused = true;
      if (answerOn(history, day) === "yes") yeses += 1;
    }
    if (yeses >= target) length += 1;
    else if (paused || start === addDays(today, -back)) continue;
    else break;
  }
  return { length, unit: "weeks" };
}
