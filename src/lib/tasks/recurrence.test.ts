import { describe, expect, it } from "vitest";
import type { Recurrence } from "@/lib/contracts/tasks";
import { addDays, addMonths, isCalendarDay, isoWeekday, startOfWeek } from "./calendar-days";
import { maskToWeekdays, nextDueDate, rolledOverDueDate, stepOccurrence, weekdaysToMask } from "./recurrence";

const rule = (unit: Recurrence["unit"], interval = 1, extra: Partial<Recurrence> = {}): Recurrence => ({
  unit,
  interval,
  weekdays: null,
  from: "schedule",
  ...extra,
});

describe("calendar days", () => {
  it("add days across month, year and daylight-saving boundaries without drifting", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    // Europe's and the US's DST days: a calendar day is still one day.
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addDays("2026-11-01", 1)).toBe("2026-11-02");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("add months clamped to the month's end, keeping an anchor day", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2026-02-28", 1, 31)).toBe("2026-03-31");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
    expect(addMonths("2025-02-28", 12, 29)).toBe("2026-02-28");
    expect(addMonths("2027-02-28", 12, 29)).toBe("2028-02-29");
  });

  it("know weekdays, week starts and real dates", () => {
    expect(isoWeekday("2026-12-07")).toBe(1);
    expect(isoWeekday("2026-12-13")).toBe(7);
    expect(startOfWeek("2026-12-13")).toBe("2026-12-07");
    expect(startOfWeek("2026-12-13", "sunday")).toBe("2026-12-13");
    expect(startOfWeek("2026-12-12", "sunday")).toBe("2026-12-06");
    expect(isCalendarDay("2026-02-29")).toBe(false);
    expect(isCalendarDay("2028-02-29")).toBe(true);
    expect(isCalendarDay("2026-13-01")).toBe(false);
  });
});

describe("recurrence", () => {
  it("steps days, weeks, months and years", () => {
    expect(stepOccurrence(rule("day", 3), "2026-12-30")).toBe("2027-01-02");
    expect(stepOccurrence(rule("week", 2), "2026-12-07")).toBe("2026-12-21");
    expect(stepOccurrence(rule("month"), "2026-01-31", 31)).toBe("2026-02-28");
    expect(stepOccurrence(rule("month"), "2026-02-28", 31)).toBe("2026-03-31");
    expect(stepOccurrence(rule("year"), "2024-02-29", 29)).toBe("2025-02-28");
  });

  it("steps through listed weekdays, then jumps the interval in weeks", () => {
    const monThu = rule("week", 1, { weekdays: [1, 4] });
    expect(stepOccurrence(monThu, "2026-12-07")).toBe("2026-12-10");
    expect(stepOccurrence(monThu, "2026-12-10")).toBe("2026-12-14");
    const fortnightlyMonday = rule("week", 2, { weekdays: [1] });
    expect(stepOccurrence(fortnightlyMonday, "2026-12-07")).toBe("2026-12-21");
    const weekdays = rule("week", 1, { weekdays: [1, 2, 3, 4, 5] });
    expect(stepOccurrence(weekdays, "2026-12-11")).toBe("2026-12-14");
  });

  it("'every' keeps the schedule and never lands on a day already past", () => {
    const daily = rule("day");
    expect(nextDueDate({ rule: daily, dueDate: "2026-12-07", today: "2026-12-07" })).toBe("2026-12-08");
    // Three days overdue: tomorrow, not another overdue task.
    expect(nextDueDate({ rule: daily, dueDate: "2026-12-04", today: "2026-12-07" })).toBe("2026-12-08");
    // Completed early: the schedule's next day, still from the due day.
    const weekly = rule("week");
    expect(nextDueDate({ rule: weekly, dueDate: "2026-12-14", today: "2026-12-07" })).toBe("2026-12-21");
    expect(nextDueDate({ rule: rule("month"), dueDate: "2026-01-31", today: "2026-01-31", anchorDay: 31 })).toBe(
      "2026-02-28",
    );
    expect(nextDueDate({ rule: rule("month"), dueDate: "2026-02-28", today: "2026-02-28", anchorDay: 31 })).toBe(
      "2026-03-31",
    );
  });

  it("'every!' counts from the completion day", () => {
    const fromDone = rule("week", 2, { from: "completion" });
    expect(nextDueDate({ rule: fromDone, dueDate: "2026-11-01", today: "2026-12-07" })).toBe("2026-12-21");
    const monthly = rule("month", 1, { from: "completion" });
    expect(nextDueDate({ rule: monthly, dueDate: "2026-01-15", today: "2026-01-31", anchorDay: 15 })).toBe(
      "2026-02-28",
    );
  });

  it("rolls an overdue occurrence over to its first occurrence on or after today", () => {
    expect(rolledOverDueDate(rule("week", 1, { weekdays: [1] }), "2026-11-30", "2026-12-08")).toBe("2026-12-14");
    expect(rolledOverDueDate(rule("day"), "2026-12-01", "2026-12-08")).toBe("2026-12-08");
    expect(rolledOverDueDate(null, "2026-12-01", "2026-12-08")).toBe("2026-12-08");
    expect(rolledOverDueDate(rule("day"), "2026-12-09", "2026-12-08")).toBe("2026-12-09");
  });

  it("stores weekdays as a mask and reads them back", () => {
    expect(weekdaysToMask([1, 4])).toBe(0b1001);
    expect(maskToWeekdays(0b1001)).toEqual([1, 4]);
    expect(weekdaysToMask([])).toBeNull();
    expect(maskToWeekdays(null)).toBeNull();
    expect(maskToWeekdays(weekdaysToMask([1, 2, 3, 4, 5, 6, 7]))).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe("describing rules", () => {
  it("says them back in the quick-add's words", async () => {
    const { describeRecurrence } = await import("./describe-recurrence");
    expect(describeRecurrence(rule("week", 2))).toBe("every 2 weeks");
    expect(describeRecurrence(rule("day", 1, { from: "completion" }))).toBe("every! day");
    expect(describeRecurrence(rule("week", 1, { weekdays: [1, 4] }))).toBe("every Mon, Thu");
    expect(describeRecurrence(rule("week", 1, { weekdays: [1, 2, 3, 4, 5] }))).toBe("every weekday");
    expect(describeRecurrence(rule("week", 2, { weekdays: [5] }))).toBe("every 2 weeks on Fri");
  });
});
