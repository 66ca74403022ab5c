import { describe, expect, it } from "vitest";
import { parseQuickAdd, type QuickAddContext } from "./quick-add";

// Monday 7 December 2026.
const context: QuickAddContext = {
  today: "2026-12-07",
  zones: [
    { id: "zone-admin", name: "Admin" },
    { id: "zone-self", name: "Self-care" },
    { id: "zone-clients", name: "Clients" },
  ],
  projects: [{ id: "project-web", name: "New website" }],
};
const parse = (line: string, overrides: Partial<QuickAddContext> = {}) =>
  parseQuickAdd(line, { ...context, ...overrides });

describe("quick-add", () => {
  it("reads the example line into its fields", () => {
    const result = parse("Call Sofia tomorrow 3pm #admin !high");
    expect(result).toMatchObject({
      title: "Call Sofia",
      dueDate: "2026-12-08",
      dueTime: "15:00",
      zoneId: "zone-admin",
      projectId: null,
      priority: 1,
      recurrence: null,
      warnings: [],
    });
    expect(result.understood.map((part) => [part.kind, part.text])).toEqual([
      ["date", "tomorrow"],
      ["time", "3pm"],
      ["zone", "#admin"],
      ["priority", "!high"],
    ]);
  });

  it("leaves a plain line as the title", () => {
    expect(parse("  Renew insurance  ")).toMatchObject({
      title: "Renew insurance",
      dueDate: null,
      dueTime: null,
      priority: null,
      understood: [],
    });
  });

  it.each([
    ["today", "2026-12-07"],
    ["tomorrow", "2026-12-08"],
    ["monday", "2026-12-07"],
    ["on friday", "2026-12-11"],
    ["sun", "2026-12-13"],
    ["next monday", "2026-12-14"],
    ["next friday", "2026-12-18"],
    ["next week", "2026-12-14"],
    ["next month", "2027-01-01"],
    ["in 3 days", "2026-12-10"],
    ["in 2 weeks", "2026-12-21"],
    ["in a month", "2027-01-07"],
    ["24 dec", "2026-12-24"],
    ["24th december 2027", "2027-12-24"],
    ["dec 24", "2026-12-24"],
    ["jan 5", "2027-01-05"],
    ["5 december", "2027-12-05"],
    ["2027-03-01", "2027-03-01"],
    ["29 feb", "2028-02-29"],
    ["by may 3", "2027-05-03"],
  ])("reads %s as %s", (words, day) => {
    const result = parse(`Send invoice ${words}`);
    expect(result.dueDate).toBe(day);
    expect(result.title).toBe("Send invoice");
  });

  it("counts 'next week' from the practitioner's week start", () => {
    expect(parse("Plan next week", { today: "2026-12-09", weekStart: "sunday" }).dueDate).toBe("2026-12-13");
    expect(parse("Plan next week", { today: "2026-12-09" }).dueDate).toBe("2026-12-14");
  });

  it.each([
    ["3pm", "15:00"],
    ["3:30pm", "15:30"],
    ["12am", "00:00"],
    ["12pm", "12:00"],
    ["at 9am", "09:00"],
    ["at 15:45", "15:45"],
    ["9:05", "09:05"],
    ["7 pm", "19:00"],
    ["noon", "12:00"],
  ])("reads the time %s as %s, on today when no day is given", (words, time) => {
    const result = parse(`Stretch ${words}`);
    expect(result).toMatchObject({ title: "Stretch", dueTime: time, dueDate: "2026-12-07" });
  });

  it("keeps numbers that are not times in the title", () => {
    expect(parse("Order 3 mats").title).toBe("Order 3 mats");
    expect(parse("Call at 13pm").dueTime).toBeNull();
    expect(parse("Room 25:00").title).toBe("Room 25:00");
  });

  it.each([
    ["!p1", 1],
    ["!urgent", 1],
    ["!p2", 2],
    ["!medium", 2],
    ["!low", 3],
    ["!p3", 3],
    ["!p4", 4],
  ])("reads the priority %s", (word, priority) => {
    expect(parse(`Tidy ${word}`)).toMatchObject({ title: "Tidy", priority });
  });

  it("keeps an unknown priority word in the title", () => {
    expect(parse("Wow !amazing")).toMatchObject({ title: "Wow !amazing", priority: null });
  });

  it("finds zones and projects by name, ignoring case, spaces and hyphens", () => {
    expect(parse("Walk #selfcare").zoneId).toBe("zone-self");
    expect(parse("Walk #Self-Care").zoneId).toBe("zone-self");
    expect(parse("Draft copy #newwebsite")).toMatchObject({
      projectId: "project-web",
      zoneId: null,
      title: "Draft copy",
    });
  });

  it("keeps an unknown # name in the title and says so", () => {
    const result = parse("Buy oil #shopping");
    expect(result).toMatchObject({ title: "Buy oil #shopping", zoneId: null, projectId: null });
    expect(result.warnings).toEqual([expect.stringContaining("shopping")]);
  });

  it.each([
    ["every day", { unit: "day", interval: 1, weekdays: null, from: "schedule" }, "2026-12-07"],
    ["daily", { unit: "day", interval: 1, weekdays: null, from: "schedule" }, "2026-12-07"],
    ["every monday", { unit: "week", interval: 1, weekdays: [1], from: "schedule" }, "2026-12-07"],
    ["every friday", { unit: "week", interval: 1, weekdays: [5], from: "schedule" }, "2026-12-11"],
    ["every mon and thu", { unit: "week", interval: 1, weekdays: [1, 4], from: "schedule" }, "2026-12-07"],
    ["every weekday", { unit: "week", interval: 1, weekdays: [1, 2, 3, 4, 5], from: "schedule" }, "2026-12-07"],
    ["every 2 weeks", { unit: "week", interval: 2, weekdays: null, from: "schedule" }, "2026-12-07"],
    ["every! 2 weeks", { unit: "week", interval: 2, weekdays: null, from: "completion" }, "2026-12-07"],
    ["every! three days", { unit: "day", interval: 3, weekdays: null, from: "completion" }, "2026-12-07"],
    ["every month", { unit: "month", interval: 1, weekdays: null, from: "schedule" }, "2026-12-07"],
    ["every year", { unit: "year", interval: 1, weekdays: null, from: "schedule" }, "2026-12-07"],
  ])("reads the rule %s and starts it on its first day", (words, recurrence, day) => {
    const result = parse(`Water plants ${words}`);
    expect(result).toMatchObject({ title: "Water plants", recurrence, dueDate: day });
  });

  it("combines a rule with a start day and time", () => {
    expect(parse("Review books every month 1 jan 9am #admin")).toMatchObject({
      title: "Review books",
      recurrence: { unit: "month", interval: 1 },
      dueDate: "2027-01-01",
      dueTime: "09:00",
      zoneId: "zone-admin",
    });
  });

  it("does not read 'every' alone or with nonsense as a rule", () => {
    expect(parse("Check every box").recurrence).toBeNull();
    expect(parse("Check every box").title).toBe("Check every box");
    expect(parse("Every 0 days").recurrence).toBeNull();
    expect(parse("Plan every 400 days").recurrence).toBeNull();
  });

  it("refuses numeric dates that read differently in other countries, and says how to write them", () => {
    for (const written of ["03/04", "03/04/2027", "3.4.2027", "04-03", "12/25"]) {
      const result = parse(`Pay rent ${written}`);
      expect(result.dueDate, written).toBeNull();
      expect(result.title).toBe(`Pay rent ${written}`);
      expect(result.warnings, written).toEqual([expect.stringContaining("different countries")]);
    }
  });

  it("refuses dates that do not exist", () => {
    for (const written of ["31 feb", "feb 30", "2026-02-29", "2026-13-01", "31 april"]) {
      const result = parse(`Pay rent ${written}`);
      expect(result.dueDate, written).toBeNull();
      expect(result.warnings, written).toEqual([expect.stringContaining("not a date that exists")]);
    }
  });

  it("reads only the first date, time and priority; later ones stay in the title", () => {
    expect(parse("Move today to tomorrow")).toMatchObject({ title: "Move to tomorrow", dueDate: "2026-12-07" });
    expect(parse("Call !p1 !p2").title).toBe("Call !p2");
  });

  it("does not take 'may' or 'march' alone for a month", () => {
    expect(parse("I may call").title).toBe("I may call");
    expect(parse("Join the march").title).toBe("Join the march");
  });

  it("crosses the year and leap days from the given today", () => {
    expect(parse("Party tomorrow", { today: "2026-12-31" }).dueDate).toBe("2027-01-01");
    expect(parse("Leap tomorrow", { today: "2028-02-28" }).dueDate).toBe("2028-02-29");
    expect(parse("Tax 1 jan", { today: "2026-12-31" }).dueDate).toBe("2027-01-01");
  });

  it("reads hostile or odd input without throwing", () => {
    for (const line of [
      "",
      "   ",
      "#",
      "!",
      "every",
      "every!",
      "in",
      "at",
      "next",
      "\u0000",
      "#".repeat(500),
      "🙂 tomorrow",
    ]) {
      expect(() => parse(line)).not.toThrow();
    }
    expect(parse("🙂 tomorrow")).toMatchObject({ title: "🙂", dueDate: "2026-12-08" });
    expect(parse("tomorrow").title).toBe("");
  });
});
