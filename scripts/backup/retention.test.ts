import { describe, expect, it } from "vitest";
import { isoWeek, planRetention, type DatedBackup } from "./retention";

const at = (iso: string): DatedBackup => ({ name: iso, createdAt: new Date(iso) });

/** One backup a day at 02:00 UTC from `first` through `last`. */
function daily(first: string, last: string): DatedBackup[] {
  const backups: DatedBackup[] = [];
  for (
    let day = new Date(`${first}T02:00:00Z`);
    day <= new Date(`${last}T02:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 1)
  )
    backups.push(at(day.toISOString()));
  return backups;
}

describe("backup retention", () => {
  it("computes ISO weeks across year boundaries", () => {
    expect(isoWeek(new Date("2024-12-30T12:00:00Z"))).toBe("2025-W01");
    expect(isoWeek(new Date("2027-01-01T00:00:00Z"))).toBe("2026-W53");
    expect(isoWeek(new Date("2025-03-09T23:59:59Z"))).toBe("2025-W10");
    expect(isoWeek(new Date("2025-03-10T00:00:00Z"))).toBe("2025-W11");
  });

  it("keeps 7 daily, 4 weekly and 12 monthly backups out of 400 days of dailies", () => {
    const backups = daily("2024-02-01", "2025-03-06");
    const plan = planRetention(backups, { daily: 7, weekly: 4, monthly: 12 });
    const kept = [...plan.keep.keys()].sort();
    expect(kept).toEqual(
      [
        // daily: the last seven days
        "2025-02-28",
        "2025-03-01",
        "2025-03-02",
        "2025-03-03",
        "2025-03-04",
        "2025-03-05",
        "2025-03-06",
        // weekly: the newest of weeks 10 (Thu 6th, already daily), 9, 8 and 7 — i.e. their Sundays
        "2025-02-16",
        "2025-02-23",
        // monthly: the last day of each of the eleven earlier months (March's newest is the 6th)
        "2024-04-30",
        "2024-05-31",
        "2024-06-30",
        "2024-07-31",
        "2024-08-31",
        "2024-09-30",
        "2024-10-31",
        "2024-11-30",
        "2024-12-31",
        "2025-01-31",
        // 2025-02's newest is the 28th (already daily)
      ]
        .map((day) => `${day}T02:00:00.000Z`)
        .sort(),
    );
    expect(plan.keep.get("2025-03-06T02:00:00.000Z")).toEqual([
      "newest",
      "daily 2025-03-06",
      "weekly 2025-W10",
      "monthly 2025-03",
    ]);
    expect(plan.keep.get("2025-02-23T02:00:00.000Z")).toEqual(["weekly 2025-W08"]);
    expect(plan.prune).toHaveLength(backups.length - kept.length);
    expect(plan.prune).toContain("2024-03-31T02:00:00.000Z");
  });

  it("keeps only the newest of several backups in one day", () => {
    const backups = [
      "2025-05-01T01:00:00Z",
      "2025-05-01T13:00:00Z",
      "2025-05-01T23:59:00Z",
      "2025-04-30T23:00:00Z",
    ].map(at);
    const plan = planRetention(backups, { daily: 7, weekly: 0, monthly: 0 });
    expect([...plan.keep.keys()]).toEqual(["2025-05-01T23:59:00Z", "2025-04-30T23:00:00Z"]);
    expect(plan.prune).toEqual(["2025-05-01T13:00:00Z", "2025-05-01T01:00:00Z"]);
  });

  it("counts days that have backups, so a gap does not delete older ones early", () => {
    const backups = ["2025-01-01T00:00:00Z", "2025-01-02T00:00:00Z", "2025-03-01T00:00:00Z"].map(at);
    const plan = planRetention(backups, { daily: 3, weekly: 0, monthly: 0 });
    expect(plan.prune).toEqual([]);
  });

  it("always keeps the newest backup, even with every count at zero", () => {
    const plan = planRetention(["2025-01-01T00:00:00Z", "2025-01-02T00:00:00Z"].map(at), {
      daily: 0,
      weekly: 0,
      monthly: 0,
    });
    expect([...plan.keep.keys()]).toEqual(["2025-01-02T00:00:00Z"]);
    expect(plan.prune).toEqual(["2025-01-01T00:00:00Z"]);
  });
});
