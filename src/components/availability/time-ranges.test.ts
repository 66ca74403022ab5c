import { describe, expect, it } from "vitest";
import { minutesOf, nextRange, rangeFromTimes, timesFromRange } from "./time-ranges";

describe("time ranges in the availability forms", () => {
  it("reads time inputs as minutes, with an end of 00:00 as the day's end", () => {
    expect(minutesOf("09:30")).toBe(570);
    expect(minutesOf("")).toBeNaN();
    expect(minutesOf("24:00")).toBeNaN();
    expect(rangeFromTimes({ start: "22:00", end: "00:00" })).toEqual({ start: 1320, end: 1440 });
    expect(timesFromRange({ start: 1320, end: 1440 })).toEqual({ start: "22:00", end: "00:00" });
  });

  it("offers 9:00–17:00 for an empty day and the hour after the last range otherwise", () => {
    expect(nextRange([])).toEqual({ start: "09:00", end: "17:00" });
    expect(nextRange([{ start: "09:00", end: "12:00" }])).toEqual({ start: "13:00", end: "14:00" });
    expect(nextRange([{ start: "20:00", end: "00:00" }])).toEqual({ start: "23:00", end: "00:00" });
  });
});
