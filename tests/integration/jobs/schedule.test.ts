import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { z } from "@/lib/zod";
import { findJobKind, jobKind, RECURRING_JOBS, registerJobKind, type RecurringJob } from "@/server/jobs/registry";
import { nextOccurrence, scheduleRecurringJobs } from "@/server/jobs/schedule";
import { rows } from "./job-helpers";

registerJobKind(
  "test.tick",
  jobKind({
    payload: z.object({ schedule: z.string() }).strict(),
    maxAttempts: 1,
    run: async () => {},
  }),
);

const schedule = (cron: string, timeZone = "UTC"): RecurringJob => {
  const name = `test-${randomUUID()}`;
  return { name, kind: "test.tick", cron, timeZone, payload: { schedule: name } };
};

const jobsOf = async (recurring: RecurringJob) =>
  (
    await rows<{ n: number }>(
      sql`select count(*)::int as n from app_private.jobs where kind = 'test.tick' and payload ->> 'schedule' = ${recurring.name}`,
    )
  )[0]!.n;

const nextRunAt = async (recurring: RecurringJob) =>
  (
    await rows<{ at: string }>(
      sql`select to_char(next_run_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at from app_private.job_schedules where name = ${recurring.name}`,
    )
  )[0]?.at;

describe("recurring jobs", () => {
  it("run once on first sight, then once per occurrence, and once on catch-up after downtime (never a burst)", async () => {
    const hourly = schedule("0 * * * *");
    const run = (at: string) => scheduleRecurringJobs({ now: new Date(at), schedules: [hourly] });
    expect(await run("2026-03-01T10:00:30Z")).toBe(1);
    expect(await nextRunAt(hourly)).toBe("2026-03-01T11:00:00Z");
    expect(await run("2026-03-01T10:59:59Z")).toBe(0);
    expect(await run("2026-03-01T11:00:00Z")).toBe(1);
    expect(await nextRunAt(hourly)).toBe("2026-03-01T12:00:00Z");
    // Down from 11:00 to 16:20: five occurrences missed (12:00 … 16:00), one run on catch-up.
    expect(await run("2026-03-01T16:20:00Z")).toBe(1);
    expect(await nextRunAt(hourly)).toBe("2026-03-01T17:00:00Z");
    expect(await run("2026-03-01T16:20:01Z")).toBe(0);
    expect(await run("2026-03-01T16:59:00Z")).toBe(0);
    expect(await jobsOf(hourly)).toBe(3);
  });

  it("reads the expression in its time zone, following daylight saving", async () => {
    const nineInNewYork = { cron: "0 9 * * *", timeZone: "America/New_York" };
    expect(nextOccurrence(nineInNewYork, new Date("2026-01-15T12:00:00Z")).toISOString()).toBe(
      "2026-01-15T14:00:00.000Z",
    );
    expect(nextOccurrence(nineInNewYork, new Date("2026-07-15T12:00:00Z")).toISOString()).toBe(
      "2026-07-15T13:00:00.000Z",
    );
    const daily = schedule("0 9 * * *", "America/New_York");
    await scheduleRecurringJobs({ now: new Date("2026-03-07T15:00:00Z"), schedules: [daily] });
    // The clocks go forward on 8 March 2026 in New York: 9:00 is 13:00 UTC from then on.
    expect(await nextRunAt(daily)).toBe("2026-03-08T13:00:00Z");
  });

  it("enqueues once when several instances pass at the same moment", async () => {
    const everyMinute = schedule("* * * * *");
    const now = new Date("2026-05-01T08:00:10Z");
    await scheduleRecurringJobs({ now, schedules: [everyMinute] });
    const later = new Date("2026-05-01T08:05:10Z");
    const counts = await Promise.all(
      [1, 2, 3, 4].map(() => scheduleRecurringJobs({ now: later, schedules: [everyMinute] })),
    );
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(1);
    expect(await jobsOf(everyMinute)).toBe(2);
  });

  it("every schedule of the app parses, has a known kind and a unique name", () => {
    expect(new Set(RECURRING_JOBS.map((recurring) => recurring.name)).size).toBe(RECURRING_JOBS.length);
    for (const recurring of RECURRING_JOBS) {
      expect(findJobKind(recurring.kind), recurring.kind).toBeDefined();
      expect(nextOccurrence(recurring, new Date("2026-01-01T00:00:00Z")).getTime()).toBeGreaterThan(
        Date.parse("2026-01-01T00:00:00Z"),
      );
    }
  });
});
