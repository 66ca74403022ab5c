import { describe, expect, it } from "vitest";
import {
  formatCalendarDate,
  formatCalendarMonth,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatRelative,
  formatTime,
  formatZoneName,
  startOfZonedDay,
  zonedDay,
} from "./dates";
import type { FormatSettings, HourCycle } from "./settings";

const settings = (locale: string, timeZone: string, hourCycle: HourCycle | null = null): FormatSettings => ({
  locale,
  timeZone,
  hourCycle,
});
/** ICU puts narrow no-break spaces around AM/PM and range dashes; compare words, not space characters. */
const plain = (text: string) => text.replace(/\s+/gu, " ");

const london = settings("en-GB", "Europe/London");
const newYork = settings("en-US", "America/New_York");
const berlin = settings("de-DE", "Europe/Berlin");

describe("instants across daylight-saving changes", () => {
  it("Europe/London: the hour after 01:00 UTC on 29 March 2026 is BST, the hour before is GMT", () => {
    expect(plain(formatDateTime("2026-03-29T00:30:00Z", london, { zone: true }))).toBe("29 Mar 2026, 00:30 GMT");
    expect(plain(formatDateTime("2026-03-29T01:30:00Z", london, { zone: true }))).toBe("29 Mar 2026, 02:30 BST");
    expect(formatZoneName("2026-10-25T00:30:00Z", london)).toBe("BST");
    expect(formatZoneName("2026-10-25T01:30:00Z", london)).toBe("GMT");
  });

  it("America/New_York: 8 March 2026 springs forward, 1 November falls back", () => {
    expect(plain(formatTime("2026-03-08T06:59:00Z", newYork, { zone: true }))).toBe("1:59 AM EST");
    expect(plain(formatTime("2026-03-08T07:00:00Z", newYork, { zone: true }))).toBe("3:00 AM EDT");
    // 1:30 happens twice on 1 November; the zone name tells them apart.
    expect(plain(formatTime("2026-11-01T05:30:00Z", newYork, { zone: true }))).toBe("1:30 AM EDT");
    expect(plain(formatTime("2026-11-01T06:30:00Z", newYork, { zone: true }))).toBe("1:30 AM EST");
  });

  it("the day an instant falls on is the zone's day, not UTC's", () => {
    expect(formatDate("2026-03-29T03:30:00Z", newYork)).toBe("Mar 28, 2026");
    expect(formatDate("2026-03-29T03:30:00Z", london)).toBe("29 Mar 2026");
    expect(zonedDay("2026-03-29T23:30:00Z", "Asia/Tokyo")).toBe("2026-03-30");
  });

  it("a day's start in a zone follows its offset on that day", () => {
    expect(startOfZonedDay("2026-03-29", "Europe/London")).toBe("2026-03-29T00:00:00.000Z");
    // 29 March is 23 hours long in London: the next day starts at 23:00 UTC.
    expect(startOfZonedDay("2026-03-29", "Europe/London", 1)).toBe("2026-03-29T23:00:00.000Z");
    expect(startOfZonedDay("2026-03-08", "America/New_York")).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfZonedDay("2026-03-08", "America/New_York", 1)).toBe("2026-03-09T04:00:00.000Z");
  });
});

describe("locales and clocks", () => {
  const instant = "2026-07-01T13:05:00Z";

  it("each locale writes the date its own way", () => {
    expect(formatDate(instant, london)).toBe("1 Jul 2026");
    expect(formatDate(instant, newYork)).toBe("Jul 1, 2026");
    expect(formatDate(instant, berlin)).toBe("1. Juli 2026");
    expect(formatDate(instant, london, { style: "long" })).toBe("1 July 2026");
  });

  it("the locale's own clock unless the practitioner chose one", () => {
    expect(formatTime(instant, london)).toBe("14:05");
    expect(plain(formatTime(instant, newYork))).toBe("9:05 AM");
    expect(formatTime(instant, berlin)).toBe("15:05");
    expect(plain(formatTime(instant, settings("en-GB", "Europe/London", "h12")))).toBe("2:05 pm");
    expect(formatTime(instant, settings("en-US", "America/New_York", "h23"))).toBe("09:05");
    expect(formatTime("2026-07-01T23:30:00Z", london)).toBe("00:30");
    expect(plain(formatTime("2026-07-01T23:30:00Z", settings("en-GB", "Europe/London", "h12")))).toBe("12:30 am");
  });

  it("spaces are plain, as Chromium writes them, so a server render and the browser's agree", () => {
    expect(formatTime(instant, newYork)).toBe("9:05 AM");
    expect(formatDateRange("2026-07-01T13:00:00Z", "2026-07-01T14:30:00Z", newYork)).toBe(
      "Jul 1, 2026, 9:00 – 10:30 AM",
    );
  });

  it("date and time together, with seconds on request", () => {
    expect(formatDateTime(instant, london)).toBe("1 Jul 2026, 14:05");
    expect(plain(formatDateTime(instant, newYork))).toBe("Jul 1, 2026, 9:05 AM");
    expect(formatDateTime(instant, berlin, { seconds: true })).toBe("1. Juli 2026, 15:05:00");
  });

  it("a range on one day writes the day once", () => {
    const range = formatDateRange("2026-07-01T13:00:00Z", "2026-07-01T14:30:00Z", london);
    expect(plain(range)).toBe("1 Jul 2026, 14:00–15:30");
    expect(plain(formatDateRange("2026-07-01T13:00:00Z", "2026-07-01T14:30:00Z", newYork))).toBe(
      "Jul 1, 2026, 9:00 – 10:30 AM",
    );
    expect(plain(formatDateRange("2026-07-01T13:00:00Z", "2026-07-02T09:00:00Z", london))).toBe(
      "1 Jul 2026, 14:00 – 2 Jul 2026, 10:00",
    );
  });

  it("a calendar date is never shifted by the zone", () => {
    expect(formatCalendarDate("1990-01-01", settings("en-US", "Pacific/Kiritimati"))).toBe("Jan 1, 1990");
    expect(formatCalendarDate("1990-01-01", settings("en-GB", "Pacific/Pago_Pago"))).toBe("1 Jan 1990");
    expect(formatCalendarDate("not a day", london)).toBe("—");
  });

  it("a calendar month is written in the practitioner's language, whatever the zone", () => {
    expect(formatCalendarMonth("2026-01", settings("en-GB", "Pacific/Kiritimati"))).toBe("January 2026");
    expect(formatCalendarMonth("2026-12", settings("de-DE", "Pacific/Pago_Pago"))).toBe("Dezember 2026");
    expect(formatCalendarMonth("2026-13", london)).toBe("—");
  });

  it("nothing to show is a dash, not 'Invalid Date'", () => {
    expect(formatDate(null, london)).toBe("—");
    expect(formatDate("yesterday", london)).toBe("—");
    expect(formatDateTime(null, london)).toBe("—");
  });
});

describe("formatRelative with an injected now", () => {
  const now = "2026-03-29T10:00:00Z";

  it("minutes and hours on the same day", () => {
    expect(formatRelative("2026-03-29T09:59:40Z", london, now)).toBe("just now");
    expect(formatRelative("2026-03-29T09:57:00Z", london, now)).toBe("3 min ago");
    expect(formatRelative("2026-03-29T07:00:00Z", london, now)).toBe("3 hr ago");
    expect(formatRelative("2026-03-29T10:03:00Z", london, now)).toBe("in 3 min");
  });

  it("yesterday and earlier this week, with the time in the zone", () => {
    expect(formatRelative("2026-03-28T13:05:00Z", london, now)).toBe("yesterday at 13:05");
    expect(plain(formatRelative("2026-03-28T13:05:00Z", newYork, now))).toBe("yesterday at 9:05 AM");
    expect(formatRelative("2026-03-25T13:05:00Z", london, now)).toBe("Wednesday at 13:05");
    expect(formatRelative("2026-03-30T08:00:00Z", london, now)).toBe("tomorrow at 09:00");
    expect(formatRelative("2026-03-28T13:05:00Z", berlin, now)).toBe("gestern, 14:05");
  });

  it("yesterday is counted in the practitioner's zone: 02:00 UTC is still yesterday in New York", () => {
    const lateEvening = "2026-03-29T02:00:00Z";
    expect(formatRelative(lateEvening, london, "2026-03-29T14:00:00Z")).toBe("12 hr ago");
    expect(plain(formatRelative(lateEvening, newYork, "2026-03-29T14:00:00Z"))).toBe("yesterday at 10:00 PM");
  });

  it("older than a week: the date and time", () => {
    expect(formatRelative("2026-01-01T07:00:00Z", london, now)).toBe("1 Jan 2026, 07:00");
  });
});
