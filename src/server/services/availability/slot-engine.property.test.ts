import { TZDate } from "@date-fns/tz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WEEKDAYS, type MinuteRange, type WeeklyHours } from "@/lib/contracts/availability";
import { computeSlots, type SlotEngineInput } from "./slot-engine";

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Daylight-saving changes of 2026 in the three zones the engine is proved on. */
const TRANSITIONS: Record<string, string[]> = {
  "Europe/London": ["2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z"],
  "America/New_York": ["2026-03-08T07:00:00Z", "2026-11-01T06:00:00Z"],
  "Australia/Sydney": ["2026-04-04T16:00:00Z", "2026-10-03T16:00:00Z"],
};

/** The local clock at an instant, read by @date-fns/tz rather than by the engine's own arithmetic. */
function wallOf(instant: number, timeZone: string): { day: string; minute: number } {
  const zoned = new TZDate(instant, timeZone);
  const pad = (value: number) => String(value).padStart(2, "0");
  return {
    day: `${zoned.getFullYear()}-${pad(zoned.getMonth() + 1)}-${pad(zoned.getDate())}`,
    minute: zoned.getHours() * 60 + zoned.getMinutes(),
  };
}

function weekdayOfDay(day: string): (typeof WEEKDAYS)[number] {
  return WEEKDAYS[(new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7] as (typeof WEEKDAYS)[number];
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Up to three non-overlapping ranges on five-minute boundaries (they may touch). */
const dayRanges: fc.Arbitrary<MinuteRange[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 288 }), { maxLength: 6 })
  .map((marks) => {
    const sorted = [...marks].sort((a, b) => a - b);
    const ranges: MinuteRange[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2)
      ranges.push({ start: (sorted[i] as number) * 5, end: (sorted[i + 1] as number) * 5 });
    return ranges;
  });

const weeklyHours: fc.Arbitrary<WeeklyHours> = fc.record({
  monday: dayRanges,
  tuesday: dayRanges,
  wednesday: dayRanges,
  thursday: dayRanges,
  friday: dayRanges,
  saturday: dayRanges,
  sunday: dayRanges,
});

const scenario = fc
  .record({
    timeZone: fc.constantFrom(...Object.keys(TRANSITIONS)),
    transitionIndex: fc.integer({ min: 0, max: 1 }),
    // now: up to three days either side of the change, on any minute.
    nowShiftMinutes: fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 }),
    fromShiftMinutes: fc.integer({ min: -2 * 24 * 60, max: 2 * 24 * 60 }),
    windowMinutes: fc.integer({ min: 60, max: 6 * 24 * 60 }),
    weeklyHours,
    overrides: fc.array(fc.record({ dayShift: fc.integer({ min: -3, max: 6 }), ranges: dayRanges }), {
      maxLength: 4,
    }),
    sessionType: fc.record({
      durationMinutes: fc.integer({ min: 1, max: 36 }).map((fives) => fives * 5),
      bufferBeforeMinutes: fc.integer({ min: 0, max: 12 }).map((fives) => fives * 5),
      bufferAfterMinutes: fc.integer({ min: 0, max: 12 }).map((fives) => fives * 5),
      minimumNoticeMinutes: fc.integer({ min: 0, max: 3 * 24 * 60 }),
      maximumDaysAhead: fc.integer({ min: 0, max: 10 }),
    }),
    dailyBookingLimit: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
    appointments: fc.array(
      fc.record({
        shiftMinutes: fc.integer({ min: -3 * 24 * 60, max: 6 * 24 * 60 }),
        durationMinutes: fc.integer({ min: 5, max: 180 }),
        bufferBeforeMinutes: fc.integer({ min: 0, max: 30 }),
        bufferAfterMinutes: fc.integer({ min: 0, max: 30 }),
      }),
      { maxLength: 12 },
    ),
    busy: fc.array(
      fc.record({
        shiftMinutes: fc.integer({ min: -3 * 24 * 60, max: 6 * 24 * 60 }),
        durationMinutes: fc.integer({ min: 1, max: 600 }),
      }),
      { maxLength: 12 },
    ),
    stepMinutes: fc.constantFrom(5, 10, 15, 20, 30, 60),
  })
  .map((generated): SlotEngineInput => {
    const transition = Date.parse(TRANSITIONS[generated.timeZone]?.[generated.transitionIndex] ?? "");
    const now = transition + generated.nowShiftMinutes * MINUTE;
    const from = now + generated.fromShiftMinutes * MINUTE;
    const today = wallOf(now, generated.timeZone).day;
    return {
      sessionType: generated.sessionType,
      timeZone: generated.timeZone,
      weeklyHours: generated.weeklyHours,
      overrides: generated.overrides.map((override) => ({
        date: addDays(today, override.dayShift),
        ranges: override.ranges,
      })),
      dailyBookingLimit: generated.dailyBookingLimit,
      appointments: generated.appointments.map((appointment) => ({
        start: new Date(now + appointment.shiftMinutes * MINUTE),
        end: new Date(now + (appointment.shiftMinutes + appointment.durationMinutes) * MINUTE),
        bufferBeforeMinutes: appointment.bufferBeforeMinutes,
        bufferAfterMinutes: appointment.bufferAfterMinutes,
      })),
      busy: generated.busy.map((busy) => ({
        start: new Date(now + busy.shiftMinutes * MINUTE),
        end: new Date(now + (busy.shiftMinutes + busy.durationMinutes) * MINUTE),
      })),
      from: new Date(from),
      to: new Date(from + generated.windowMinutes * MINUTE),
      now: new Date(now),
      stepMinutes: generated.stepMinutes,
    };
  });

/** The ranges the input says apply on a local day (the last override of a date wins, as the engine reads them). */
function rangesOn(input: SlotEngineInput, day: string): readonly MinuteRange[] {
  const overrides = input.overrides.filter((override) => override.date === day);
  return overrides.at(-1)?.ranges ?? input.weeklyHours[weekdayOfDay(day)];
}

const overlaps = (aStart: number, aEnd: number, bStart: number, bEnd: number) => aStart < bEnd && bStart < aEnd;

describe("slot engine properties across daylight-saving changes (London, New York, Sydney)", () => {
  it("no slot overlaps a busy interval or a buffer, starts inside the notice window or past the days ahead, leaves its day's working hours, or exceeds the daily limit", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const result = computeSlots(input);
        const { sessionType, timeZone } = input;
        const now = input.now.getTime();
        const lastDay = addDays(wallOf(now, timeZone).day, sessionType.maximumDaysAhead);
        let previous = -Infinity;
        for (const slot of result) {
          const start = slot.start.getTime();
          const end = slot.end.getTime();
          expect(end - start).toBe(sessionType.durationMinutes * MINUTE);
          expect(start).toBeGreaterThan(previous);
          previous = start;
          expect(start).toBeGreaterThanOrEqual(now + sessionType.minimumNoticeMinutes * MINUTE);
          expect(start).toBeGreaterThanOrEqual(input.from.getTime());
          expect(start).toBeLessThan(input.to.getTime());
          const startWall = wallOf(start, timeZone);
          expect(startWall.day <= lastDay).toBe(true);

          // Every five minutes of the session (all boundaries are on five minutes) and its last moment
          // read, on the local clock, as the same day and inside one of that day's working ranges.
          const ranges = rangesOn(input, startWall.day);
          for (let instant = start; instant <= end; instant += 5 * MINUTE) {
            const probe = Math.min(instant, end - 1);
            const wall = wallOf(probe, timeZone);
            expect(wall.day).toBe(startWall.day);
            expect(ranges.some((range) => wall.minute >= range.start && wall.minute < range.end)).toBe(true);
          }

          const guardedStart = start - sessionType.bufferBeforeMinutes * MINUTE;
          const guardedEnd = end + sessionType.bufferAfterMinutes * MINUTE;
          for (const appointment of input.appointments) {
            const taken = overlaps(
              guardedStart,
              guardedEnd,
              appointment.start.getTime() - appointment.bufferBeforeMinutes * MINUTE,
              appointment.end.getTime() + appointment.bufferAfterMinutes * MINUTE,
            );
            expect(taken).toBe(false);
          }
          for (const busy of input.busy)
            expect(overlaps(guardedStart, guardedEnd, busy.start.getTime(), busy.end.getTime())).toBe(false);

          if (input.dailyBookingLimit !== null) {
            const booked = input.appointments.filter(
              (appointment) => wallOf(appointment.start.getTime(), timeZone).day === startWall.day,
            ).length;
            expect(booked).toBeLessThan(input.dailyBookingLimit);
          }
        }
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it("with nothing booked, no notice and a five-minute step, every working stretch long enough offers its first slot", () => {
    fc.assert(
      fc.property(scenario, (generated) => {
        const input: SlotEngineInput = {
          ...generated,
          appointments: [],
          busy: [],
          dailyBookingLimit: null,
          stepMinutes: 5,
          sessionType: { ...generated.sessionType, minimumNoticeMinutes: 0, maximumDaysAhead: 30 },
        };
        const offered = new Set(computeSlots(input).map((slot) => slot.start.getTime()));
        const duration = input.sessionType.durationMinutes * MINUTE;
        // Walk the window minute by minute (five at a time) and find stretches of working time by the clock.
        const from = Math.ceil(input.from.getTime() / (5 * MINUTE)) * 5 * MINUTE;
        for (let start = from; start < input.to.getTime(); start += 5 * MINUTE) {
          if (start < input.now.getTime()) continue;
          const day = wallOf(start, input.timeZone).day;
          const inside = (instant: number) => {
            const wall = wallOf(instant, input.timeZone);
            return (
              wall.day === day &&
              rangesOn(input, day).some((range) => wall.minute >= range.start && wall.minute < range.end)
            );
          };
          const startsStretch = inside(start) && !inside(start - 5 * MINUTE);
          if (!startsStretch) continue;
          let fits = true;
          for (let instant = start; instant < start + duration; instant += 5 * MINUTE) fits &&= inside(instant);
          if (fits) expect(offered.has(start), new Date(start).toISOString()).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
