import { describe, expect, it } from "vitest";
import { DateFnsNamedTimeZone } from "./zone-plugin";

describe("the named-zone plugin", () => {
  it("gives FullCalendar minutes east of UTC and wall-clock arrays, across daylight-saving changes", () => {
    const london = new DateFnsNamedTimeZone("Europe/London");
    expect(london.offsetForArray([2026, 6, 1, 10, 0, 0, 0])).toBe(60);
    expect(london.offsetForArray([2026, 11, 1, 10, 0, 0, 0])).toBe(0);
    expect(london.timestampToArray(Date.UTC(2026, 6, 1, 9, 30))).toEqual([2026, 6, 1, 10, 30, 0, 0]);
    expect(london.timestampToArray(Date.UTC(2026, 2, 29, 0, 59))).toEqual([2026, 2, 29, 0, 59, 0, 0]);
    expect(london.timestampToArray(Date.UTC(2026, 2, 29, 1, 0))).toEqual([2026, 2, 29, 2, 0, 0, 0]);
    const newYork = new DateFnsNamedTimeZone("America/New_York");
    expect(newYork.offsetForArray([2026, 0, 15, 9, 0, 0, 0])).toBe(-300);
    const sydney = new DateFnsNamedTimeZone("Australia/Sydney");
    expect(sydney.offsetForArray([2026, 0, 15, 9, 0, 0, 0])).toBe(660);
    expect(sydney.timestampToArray(Date.UTC(2026, 0, 14, 22))).toEqual([2026, 0, 15, 9, 0, 0, 0]);
  });
});
