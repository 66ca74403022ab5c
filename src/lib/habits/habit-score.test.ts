import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/format/practitioner-day";
import { currentStreak, habitStrength, type HabitHistory, type HabitSchedule, type HabitStatus } from "./habit-score";

const TODAY = "2026-12-07"; // a Monday

function history(
  answers: Record<string, HabitStatus>,
  options: { schedule?: HabitSchedule; startDay?: string; paused?: readonly string[] } = {},
): HabitHistory {
  const paused = new Set(options.paused ?? []);
  return {
    schedule: options.schedule ?? { kind: "daily" },
    startDay: options.startDay ?? addDays(TODAY, -60),
    entries: new Map(Object.entries(answers)),
    isPaused: (day) => paused.has(day),
  };
}

/** The last `count` days ending yesterday (or today), each with the same answer. */
function run(count: number, status: HabitStatus, end = addDays(TODAY, -1)): Record<string, HabitStatus> {
  return Object.fromEntries(Array.from({ length: count }, (_, index) => [addDays(end, -index), status]));
}

describe("habitStrength", () => {
  it("rises with done days and decays with misses, by half after 13 missed days", () => {
    const done = history(run(60, "yes"));
    expect(habitStrength(done, TODAY)).toBeGreaterThan(0.95);
    const then = habitStrength(history(run(47, "yes", addDays(TODAY, -14))), addDays(TODAY, -14));
    const missed = history({ ...run(47, "yes", addDays(TODAY, -14)), ...run(13, "no") });
    expect(habitStrength(missed, addDays(TODAY, -1))).toBeCloseTo(then / 2, 5);
  });

  it("one sick day dents the score instead of resetting it", () => {
    const strong = habitStrength(history(run(60, "yes")), TODAY);
    const oneMiss = habitStrength(history({ ...run(60, "yes"), [addDays(TODAY, -10)]: "no" }), TODAY);
    expect(oneMiss).toBeLessThan(strong);
    expect(oneMiss).toBeGreaterThan(strong - 0.06);
  });

  it("an unanswered day counts as missed, except today", () => {
    const answered = history(run(20, "yes"));
    expect(habitStrength(answered, TODAY)).toBe(habitStrength(answered, addDays(TODAY, -1)));
    const withGap = history({ ...run(20, "yes"), [addDays(TODAY, -3)]: "no" });
    const { [addDays(TODAY, -3)]: _dropped, ...rest } = run(20, "yes");
    expect(habitStrength(history(rest), TODAY)).toBeCloseTo(habitStrength(withGap, TODAY), 10);
  });

  it("weekday habits step only on their days", () => {
    // Mondays, Wednesdays and Fridays, all done; the other days hold nothing and cost nothing.
    const schedule: HabitSchedule = { kind: "weekdays", weekdays: [1, 3, 5] };
    const answers = Object.fromEntries(
      Array.from({ length: 60 }, (_, index) => addDays(TODAY, -index))
        .filter((day) => [1, 3, 5].includes(new Date(`${day}T00:00:00Z`).getUTCDay()))
        .map((day) => [day, "yes" as const]),
    );
    expect(habitStrength(history(answers, { schedule }), TODAY)).toBeGreaterThan(0.75);
  });

  it("'N times a week' is full strength when the week's target is met, on any days", () => {
    const schedule: HabitSchedule = { kind: "times_per_week", timesPerWeek: 2 };
    const answers = Object.fromEntries(
      Array.from({ length: 120 }, (_, index) => addDays(TODAY, -index))
        .filter((_, index) => index % 7 === 1 || index % 7 === 4)
        .map((day) => [day, "yes" as const]),
    );
    const strength = habitStrength(history(answers, { schedule, startDay: addDays(TODAY, -120) }), TODAY);
    expect(strength).toBeGreaterThan(0.9);
    expect(habitStrength(history({}, { schedule }), TODAY)).toBe(0);
  });
});

describe("currentStreak", () => {
  it("counts done days back from today; skips, pauses and not-due days neither count nor break it", () => {
    const answers = { ...run(5, "yes"), [addDays(TODAY, -3)]: "skip" as const, [addDays(TODAY, -6)]: "no" as const };
    expect(currentStreak(history(answers), TODAY)).toEqual({ length: 4, unit: "days" });
    // Today unanswered keeps yesterday's streak; today "no" ends it.
    expect(currentStreak(history({ ...answers, [TODAY]: "no" }), TODAY).length).toBe(0);
    expect(currentStreak(history({ ...answers, [TODAY]: "yes" }), TODAY).length).toBe(5);
    const older = { ...answers, [addDays(TODAY, -7)]: "yes" as const, [addDays(TODAY, -8)]: "yes" as const };
    expect(currentStreak(history(older), TODAY).length).toBe(4);
    expect(currentStreak(history(older, { paused: [addDays(TODAY, -6)] }), TODAY).length).toBe(6);
  });

  it("counts weeks that met the target for 'N times a week'", () => {
    const schedule: HabitSchedule = { kind: "times_per_week", timesPerWeek: 2 };
    // Weeks start on Monday: today (Monday) has nothing yet; the two weeks before each had two yeses.
    const answers: Record<string, HabitStatus> = {
      [addDays(TODAY, -1)]: "yes",
      [addDays(TODAY, -3)]: "yes",
      [addDays(TODAY, -8)]: "yes",
      [addDays(TODAY, -10)]: "yes",
      [addDays(TODAY, -15)]: "yes",
    };
    expect(currentStreak(history(answers, { schedule }), TODAY, 1)).toEqual({ length: 2, unit: "weeks" });
  });
});

const STATUSES = fc.constantFrom<HabitStatus | undefined>("yes", "no", "skip", undefined);
const SCHEDULES = fc.oneof(
  fc.constant<HabitSchedule>({ kind: "daily" }),
  fc
    .uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 })
    .map((weekdays): HabitSchedule => ({ kind: "weekdays", weekdays })),
  fc.integer({ min: 1, max: 7 }).map((timesPerWeek): HabitSchedule => ({ kind: "times_per_week", timesPerWeek })),
);
const DAYS = 70;
const histories = fc.record({
  schedule: SCHEDULES,
  answers: fc.array(STATUSES, { minLength: DAYS, maxLength: DAYS }),
  paused: fc.array(fc.boolean(), { minLength: DAYS, maxLength: DAYS }),
});

function build(
  sample: { schedule: HabitSchedule; answers: (HabitStatus | undefined)[]; paused: boolean[] },
  change?: (index: number) => HabitStatus | undefined,
): HabitHistory {
  const start = addDays(TODAY, -(DAYS - 1));
  const entries = new Map<string, HabitStatus>();
  sample.answers.forEach((answer, index) => {
    const value = change ? change(index) : answer;
    if (value) entries.set(addDays(start, index), value);
  });
  const pausedDays = new Set(sample.paused.flatMap((paused, index) => (paused ? [addDays(start, index)] : [])));
  return { schedule: sample.schedule, startDay: start, entries, isPaused: (day) => pausedDays.has(day) };
}

describe("strength and streak properties", () => {
  it("strength stays between 0 and 1", () => {
    fc.assert(
      fc.property(histories, (sample) => {
        const strength = habitStrength(build(sample), TODAY);
        expect(strength).toBeGreaterThanOrEqual(0);
        expect(strength).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("a skip never lowers strength: turning any miss into a skip leaves it the same or higher", () => {
    fc.assert(
      fc.property(histories, fc.integer({ min: 0, max: DAYS - 1 }), (sample, index) => {
        fc.pre(sample.answers[index] !== "yes" && sample.answers[index] !== "skip");
        const missed = habitStrength(build(sample), TODAY);
        const skipped = habitStrength(
          build(sample, (at) => (at === index ? "skip" : sample.answers[at])),
          TODAY,
        );
        expect(skipped).toBeGreaterThanOrEqual(missed - 1e-12);
        const streakMissed = currentStreak(build(sample), TODAY).length;
        const streakSkipped = currentStreak(
          build(sample, (at) => (at === index ? "skip" : sample.answers[at])),
          TODAY,
        ).length;
        expect(streakSkipped).toBeGreaterThanOrEqual(streakMissed);
      }),
      { numRuns: 300 },
    );
  });

  it("a skipped day itself never lowers strength (compared with the day not counting at all)", () => {
    fc.assert(
      fc.property(histories, fc.integer({ min: 1, max: DAYS - 2 }), (sample, index) => {
        const day = addDays(TODAY, -(DAYS - 1) + index);
        const withSkip = build(sample, (at) => (at === index ? "skip" : sample.answers[at]));
        // The same history with that day paused: the strength as it stood after the day before.
        const before = { ...withSkip, isPaused: (other: string) => other === day || withSkip.isPaused(other) };
        expect(habitStrength(withSkip, day)).toBeGreaterThanOrEqual(habitStrength(before, day) - 1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it("a paused day is neither a miss nor a hit: whatever its answer, strength and streak are the same", () => {
    fc.assert(
      fc.property(histories, fc.integer({ min: 0, max: DAYS - 1 }), STATUSES, (sample, index, other) => {
        const paused = { ...sample, paused: sample.paused.map((value, at) => value || at === index) };
        const original = build(paused);
        const changed = build(paused, (at) => (at === index ? other : paused.answers[at]));
        expect(habitStrength(changed, TODAY)).toBe(habitStrength(original, TODAY));
        expect(currentStreak(changed, TODAY)).toEqual(currentStreak(original, TODAY));
      }),
      { numRuns: 300 },
    );
  });

  it("a done day never lowers strength compared with a missed one", () => {
    fc.assert(
      fc.property(histories, fc.integer({ min: 0, max: DAYS - 1 }), (sample, index) => {
        fc.pre(sample.answers[index] !== "skip");
        const done = habitStrength(
          build(sample, (at) => (at === index ? "yes" : sample.answers[at])),
          TODAY,
        );
        const missed = habitStrength(
          build(sample, (at) => (at === index ? "no" : sample.answers[at])),
          TODAY,
        );
        expect(done).toBeGreaterThanOrEqual(missed);
      }),
      { numRuns: 300 },
    );
  });
});
