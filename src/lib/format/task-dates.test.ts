import { describe, expect, it } from "vitest";
import { formatCalendarWeekday, formatClockTime } from "./dates";

const gb = { locale: "en-GB", timeZone: "Pacific/Kiritimati", hourCycle: null };
const us = { locale: "en-US", timeZone: "America/Los_Angeles", hourCycle: null };

describe("task days and times", () => {
  it("write a due day with its weekday, never shifted by the zone", () => {
    expect(formatCalendarWeekday("2026-12-08", gb)).toBe("Tue 8 Dec");
    expect(formatCalendarWeekday("2026-12-08", us)).toBe("Tue, Dec 8");
    expect(formatCalendarWeekday(null, gb)).toBe("—");
    expect(formatCalendarWeekday("tomorrow", gb)).toBe("—");
  });

  it("write a due time on the practitioner's clock", () => {
    expect(formatClockTime("15:00", gb)).toBe("15:00");
    expect(formatClockTime("15:00", us)).toBe("3:00 PM");
    expect(formatClockTime("09:05", { ...us, hourCycle: "h23" as const })).toBe("09:05");
    expect(formatClockTime("9am", gb)).toBe("—");
  });
});
