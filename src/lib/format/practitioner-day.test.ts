import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  DAY_START_HOURS,
  daysBetween,
  isPractitionerDay,
  practitionerDay,
  practitionerDayBounds,
  startOfPractitionerDay,
  weekdayOf,
} from "./practitioner-day";

const london = (dayStartHour: number) => ({ timeZone: "Europe/London", dayStartHour });
const newYork = (dayStartHour: number) => ({ timeZone: "America/New_York", dayStartHour });

describe("practitionerDay", () => {
  it("puts a check-in at 1 a.m. on the previous day when the day starts at 4", () => {
    // 01:00 BST on Tuesday 9 June 2026.
    expect(practitionerDay("2026-06-09T00:00:00Z", london(4))).toBe("2026-06-08");
    expect(practitionerDay("2026-06-09T00:00:00Z", london(0))).toBe("2026-06-09");
    // 04:00 BST exactly starts Tuesday.
    expect(practitionerDay("2026-06-09T03:00:00Z", london(4))).toBe("2026-06-09");
    expect(practitionerDay("2026-06-09T02:59:59.999Z", london(4))).toBe("2026-06-08");
  });

  it("reads the practitioner's zone, not the server's", () => {
    // 23:30 UTC on 31 December is already New Year in Tokyo and still the 31st in New York.
    expect(practitionerDay("2026-12-31T23:30:00Z", { timeZone: "Asia/Tokyo", dayStartHour: 0 })).toBe("2027-01-01");
    expect(practitionerDay("2026-12-31T23:30:00Z", newYork(0))).toBe("2026-12-31");
  });

  it("follows the wall clock across daylight-saving days", () => {
    // New York springs forward at 02:00 EST on 8 March 2026 (07:00 UTC): 02:00–02:59 does not exist.
    expect(practitionerDay("2026-03-08T06:59:00Z", newYork(2))).toBe("2026-03-07");
    expect(practitionerDay("2026-03-08T07:00:00Z", newYork(2))).toBe("2026-03-08");
    expect(startOfPractitionerDay("2026-03-08", newYork(2)).toISOString()).toBe("2026-03-08T07:00:00.000Z");
    // With the day starting at 4, the jump falls inside the practitioner's 7 March: 23 hours long.
    const spring = practitionerDayBounds("2026-03-07", newYork(4));
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(23);
    // New York falls back at 02:00 EDT on 1 November 2026: 01:00–01:59 happens twice (31 October's day at 4).
    const fall = practitionerDayBounds("2026-10-31", newYork(4));
    expect((fall.end.getTime() - fall.start.getTime()) / 3_600_000).toBe(25);
    // With the day starting at 1, the day begins at the first 01:00 (EDT, 05:00 UTC).
    expect(startOfPractitionerDay("2026-11-01", newYork(1)).toISOString()).toBe("2026-11-01T05:00:00.000Z");
    expect(practitionerDay("2026-11-01T04:59:59Z", newYork(1))).toBe("2026-10-31");
    expect(practitionerDay("2026-11-01T06:30:00Z", newYork(1))).toBe("2026-11-01");
  });

  it("refuses what is not an instant", () => {
    expect(() => practitionerDay("yesterday", london(0))).toThrow(RangeError);
  });
});

describe("calendar arithmetic", () => {
  it("adds days across month ends and leap days", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(daysBetween("2026-03-01", "2026-02-01")).toBe(-28);
    expect(weekdayOf("2026-12-07")).toBe(1);
  });

  it("knows real days from look-alikes", () => {
    expect(isPractitionerDay("2028-02-29")).toBe(true);
    expect(isPractitionerDay("2027-02-29")).toBe(false);
    expect(isPractitionerDay("2026-13-01")).toBe(false);
    expect(isPractitionerDay("2026-1-01")).toBe(false);
  });
});

const ZONES = [
  "UTC",
  "Europe/London",
  "America/New_York",
  "Australia/Lord_Howe",
  "Pacific/Apia",
  "Asia/Kolkata",
  "America/Sao_Paulo",
  "Pacific/Chatham",
];
// 2020–2030: covers every zone's recent rule changes and plenty of daylight-saving days.
const instants = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 11, 31) });
const settings = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  dayStartHour: fc.constantFrom(...DAY_START_HOURS),
});

describe("practitionerDay properties", () => {
  it("every instant lies within the bounds of the day it belongs to", () => {
    fc.assert(
      fc.property(instants, settings, (time, daySettings) => {
        const day = practitionerDay(time, daySettings);
        const { start, end } = practitionerDayBounds(day, daySettings);
        expect(start.getTime()).toBeLessThanOrEqual(time);
        expect(time).toBeLessThan(end.getTime());
      }),
      { numRuns: 2000 },
    );
  });

  it("a day's first instant belongs to it and the instant before belongs to the day before", () => {
    fc.assert(
      fc.property(instants, settings, (time, daySettings) => {
        const day = practitionerDay(time, daySettings);
        const start = startOfPractitionerDay(day, daySettings).getTime();
        expect(practitionerDay(start, daySettings)).toBe(day);
        expect(practitionerDay(start - 1, daySettings)).toBe(addDays(day, -1));
      }),
      { numRuns: 2000 },
    );
  });

  it("days never go backwards as time moves on, and last between 22 and 26 hours", () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 0, max: 3 * 86_400_000 }), settings, (time, later, daySettings) => {
        expect(practitionerDay(time + later, daySettings) >= practitionerDay(time, daySettings)).toBe(true);
        const { start, end } = practitionerDayBounds(practitionerDay(time, daySettings), daySettings);
        const hours = (end.getTime() - start.getTime()) / 3_600_000;
        expect(hours).toBeGreaterThanOrEqual(22);
        expect(hours).toBeLessThanOrEqual(26);
      }),
      { numRuns: 1000 },
    );
  });

  it("moving the start hour later only ever moves an instant to the same or an earlier day", () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...ZONES), (time, timeZone) => {
        const midnight = practitionerDay(time, { timeZone, dayStartHour: 0 });
        const four = practitionerDay(time, { timeZone, dayStartHour: 4 });
        expect([midnight, addDays(midnight, -1)]).toContain(four);
      }),
    );
  });
});
