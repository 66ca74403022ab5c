import { describe, expect, it } from "vitest";
import { DEFAULT_WEEKLY_HOURS, type SessionTypeTiming, type WeeklyHours } from "@/lib/contracts/availability";
import { computeSlots, type SlotEngineInput } from "./slot-engine";

const hour = (h: number, m = 0) => h * 60 + m;
const noHours: WeeklyHours = {
  monday: [],
  tuesday: [],
  wednesday: [],
  thursday: [],
  friday: [],
  saturday: [],
  sunday: [],
};
const sixtyMinutes: SessionTypeTiming = {
  durationMinutes: 60,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minimumNoticeMinutes: 0,
  maximumDaysAhead: 365,
};

function slots(overrides: Partial<SlotEngineInput>): string[] {
  return computeSlots({
    sessionType: sixtyMinutes,
    timeZone: "Europe/London",
    weeklyHours: noHours,
    overrides: [],
    dailyBookingLimit: null,
    appointments: [],
    busy: [],
    from: new Date("2026-01-01T00:00:00Z"),
    to: new Date("2026-12-31T00:00:00Z"),
    now: new Date("2026-01-01T00:00:00Z"),
    stepMinutes: 60,
    ...overrides,
  }).map((slot) => slot.start.toISOString());
}

describe("the slot engine on daylight-saving days", () => {
  it("London, 29 March 2026: a 00:00–04:00 day is three hours long and 9:00 moves from 09:00Z to 08:00Z", () => {
    const window = { from: new Date("2026-03-28T00:00:00Z"), to: new Date("2026-03-30T00:00:00Z") };
    expect(slots({ ...window, overrides: [{ date: "2026-03-29", ranges: [{ start: 0, end: hour(4) }] }] })).toEqual([
      "2026-03-29T00:00:00.000Z",
      "2026-03-29T01:00:00.000Z",
      "2026-03-29T02:00:00.000Z",
    ]);
    const nine = slots({
      ...window,
      overrides: [
        { date: "2026-03-28", ranges: [{ start: hour(9), end: hour(10) }] },
        { date: "2026-03-29", ranges: [{ start: hour(9), end: hour(10) }] },
      ],
    });
    expect(nine).toEqual(["2026-03-28T09:00:00.000Z", "2026-03-29T08:00:00.000Z"]);
  });

  it("London: a range starting inside the missing hour starts when the clock reaches it", () => {
    // 01:00–02:00 does not exist on 29 March; 01:30–03:00 holds only 02:00–03:00 BST (01:00Z–02:00Z).
    expect(
      slots({
        from: new Date("2026-03-29T00:00:00Z"),
        to: new Date("2026-03-30T00:00:00Z"),
        overrides: [{ date: "2026-03-29", ranges: [{ start: hour(1, 30), end: hour(3) }] }],
        stepMinutes: 30,
      }),
    ).toEqual(["2026-03-29T01:00:00.000Z"]);
  });

  it("New York, 1 November 2026: a 00:00–03:00 day is four hours long and 9:00 moves from 13:00Z to 14:00Z", () => {
    const base = {
      timeZone: "America/New_York",
      from: new Date("2026-10-31T00:00:00Z"),
      to: new Date("2026-11-03T00:00:00Z"),
    };
    expect(slots({ ...base, overrides: [{ date: "2026-11-01", ranges: [{ start: 0, end: hour(3) }] }] })).toEqual([
      "2026-11-01T04:00:00.000Z",
      "2026-11-01T05:00:00.000Z",
      "2026-11-01T06:00:00.000Z",
      "2026-11-01T07:00:00.000Z",
    ]);
    const nine = [{ start: hour(9), end: hour(10) }];
    expect(
      slots({
        ...base,
        overrides: [
          { date: "2026-10-31", ranges: nine },
          { date: "2026-11-01", ranges: nine },
        ],
      }),
    ).toEqual(["2026-10-31T13:00:00.000Z", "2026-11-01T14:00:00.000Z"]);
  });

  it("New York: a range inside the repeated hour is offered on both passes of the clock", () => {
    expect(
      slots({
        timeZone: "America/New_York",
        from: new Date("2026-11-01T00:00:00Z"),
        to: new Date("2026-11-02T00:00:00Z"),
        overrides: [{ date: "2026-11-01", ranges: [{ start: hour(1), end: hour(1, 30) }] }],
        sessionType: { ...sixtyMinutes, durationMinutes: 30 },
        stepMinutes: 30,
      }),
    ).toEqual(["2026-11-01T05:00:00.000Z", "2026-11-01T06:00:00.000Z"]);
  });

  it("Sydney, 4 October 2026 (clocks forward) and 5 April 2026 (clocks back): weekly hours follow the clock", () => {
    const week = {
      ...noHours,
      saturday: [{ start: hour(9), end: hour(10) }],
      sunday: [{ start: hour(9), end: hour(10) }],
    };
    const base = { timeZone: "Australia/Sydney", weeklyHours: week };
    expect(slots({ ...base, from: new Date("2026-10-02T00:00:00Z"), to: new Date("2026-10-05T00:00:00Z") })).toEqual([
      "2026-10-02T23:00:00.000Z",
      "2026-10-03T22:00:00.000Z",
    ]);
    expect(slots({ ...base, from: new Date("2026-04-03T00:00:00Z"), to: new Date("2026-04-06T00:00:00Z") })).toEqual([
      "2026-04-03T22:00:00.000Z",
      "2026-04-04T23:00:00.000Z",
    ]);
  });
});

describe("the slot engine's rules", () => {
  const monday = { from: new Date("2026-06-01T00:00:00Z"), to: new Date("2026-06-02T00:00:00Z") };
  const mondayNineToFive = { ...noHours, monday: DEFAULT_WEEKLY_HOURS.monday };

  it("offers Monday 9:00–17:00 (BST) as eight hours at the step asked for", () => {
    const hourly = slots({ ...monday, weeklyHours: mondayNineToFive });
    expect(hourly).toHaveLength(8);
    expect(hourly[0]).toBe("2026-06-01T08:00:00.000Z");
    expect(hourly.at(-1)).toBe("2026-06-01T15:00:00.000Z");
    expect(slots({ ...monday, weeklyHours: mondayNineToFive, stepMinutes: 15 })).toHaveLength(29);
  });

  it("keeps both sides' buffers apart and lets buffers touch", () => {
    const taken = slots({
      ...monday,
      weeklyHours: mondayNineToFive,
      stepMinutes: 15,
      sessionType: { ...sixtyMinutes, bufferBeforeMinutes: 15 },
      // 11:00–12:00 BST with 15 minutes after it.
      appointments: [
        {
          start: new Date("2026-06-01T10:00:00Z"),
          end: new Date("2026-06-01T11:00:00Z"),
          bufferBeforeMinutes: 0,
          bufferAfterMinutes: 15,
        },
      ],
    });
    // Before: a session must end by 11:00 → last start 10:00 BST (09:00Z). After: the own 15-minute buffer
    // starts when the other's ends (12:15), so the first start is 12:30 BST (11:30Z).
    expect(taken).toContain("2026-06-01T09:00:00.000Z");
    expect(taken).not.toContain("2026-06-01T09:15:00.000Z");
    expect(taken).not.toContain("2026-06-01T11:15:00.000Z");
    expect(taken).toContain("2026-06-01T11:30:00.000Z");
  });

  it("leaves out busy time, the notice window, days beyond the limit ahead and full days", () => {
    const week = { from: new Date("2026-06-01T00:00:00Z"), to: new Date("2026-06-06T00:00:00Z") };
    const base = { ...week, weeklyHours: DEFAULT_WEEKLY_HOURS, now: new Date("2026-06-01T10:30:00Z") };
    const all = slots(base);
    // Monday from 12:00 BST (notice 0, now 11:30 BST, hourly from 9:00), then Tuesday to Friday in full.
    expect(all.filter((slot) => slot.startsWith("2026-06-01"))).toEqual([
      "2026-06-01T11:00:00.000Z",
      "2026-06-01T12:00:00.000Z",
      "2026-06-01T13:00:00.000Z",
      "2026-06-01T14:00:00.000Z",
      "2026-06-01T15:00:00.000Z",
    ]);
    expect(all).toHaveLength(5 + 4 * 8);
    const noticed = slots({ ...base, sessionType: { ...sixtyMinutes, minimumNoticeMinutes: 24 * 60 } });
    expect(noticed[0]).toBe("2026-06-02T11:00:00.000Z");
    expect(slots({ ...base, sessionType: { ...sixtyMinutes, maximumDaysAhead: 1 } })).toHaveLength(5 + 8);
    const busy = slots({
      ...base,
      busy: [{ start: new Date("2026-06-02T08:30:00Z"), end: new Date("2026-06-02T16:00:00Z") }],
    });
    expect(busy.filter((slot) => slot.startsWith("2026-06-02"))).toEqual([]);
    const booked = {
      start: new Date("2026-06-03T08:00:00Z"),
      end: new Date("2026-06-03T09:00:00Z"),
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
    };
    const limited = slots({ ...base, dailyBookingLimit: 1, appointments: [booked] });
    expect(limited.filter((slot) => slot.startsWith("2026-06-03"))).toEqual([]);
    expect(limited.filter((slot) => slot.startsWith("2026-06-04"))).toHaveLength(8);
    expect(
      slots({ ...base, dailyBookingLimit: 2, appointments: [booked] }).filter((slot) => slot.startsWith("2026-06-03")),
    ).toHaveLength(7);
  });

  it("takes a day's override over the weekly hours, an empty one as a day off", () => {
    const base = { ...monday, weeklyHours: mondayNineToFive };
    expect(slots({ ...base, overrides: [{ date: "2026-06-01", ranges: [] }] })).toEqual([]);
    expect(
      slots({ ...base, overrides: [{ date: "2026-06-01", ranges: [{ start: hour(14), end: hour(16) }] }] }),
    ).toEqual(["2026-06-01T13:00:00.000Z", "2026-06-01T14:00:00.000Z"]);
  });
});
