import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type {
  AvailabilityOverride,
  AvailabilityResponse,
  OverrideListResponse,
  SlotsResponse,
} from "@/lib/contracts/availability";
import { expectError } from "../auth/fixtures";
import {
  loadClientRecordsApi,
  signUpPractitioner,
  systemRows,
  type Practitioner,
} from "../contacts/client-records-api";

let alice: Practitioner;
let bob: Practitioner;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A Monday at least two weeks ahead, as the instant its day starts in Tokyo (UTC+9, no daylight saving). */
const tokyoMonday = (() => {
  let day = Math.floor(Date.now() / DAY) * DAY + 14 * DAY;
  while (new Date(day).getUTCDay() !== 1) day += DAY;
  return day - 9 * HOUR;
})();
const dateOf = (tokyoMidnight: number) => new Date(tokyoMidnight + 9 * HOUR).toISOString().slice(0, 10);
const at = (dayOffset: number, hour: number) => new Date(tokyoMonday + dayOffset * DAY + hour * HOUR).toISOString();

const noHours = { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] };

beforeAll(async () => {
  const api = await loadClientRecordsApi();
  alice = await signUpPractitioner(api, "Alice");
  bob = await signUpPractitioner(api, "Bob");
});

function slotsUrl(params: Record<string, string | number>): string {
  return `/api/availability/slots?${new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)]))}`;
}

describe("availability", () => {
  it("starts as Monday to Friday 9:00–17:00 with no limit, and slots wait for a time zone", async () => {
    const { availability } = await alice.expect<AvailabilityResponse>(200, "GET", "/api/availability");
    expect(availability).toMatchObject({ isDefault: true, dailyBookingLimit: null, timeZone: null });
    expect(availability.weeklyHours.monday).toEqual([{ start: 540, end: 1020 }]);
    expect(availability.weeklyHours.saturday).toEqual([]);
    const refused = await alice.send("GET", slotsUrl({ durationMinutes: 60, from: at(0, 0), to: at(7, 0) }));
    expect((await expectError(refused.response, 409)).message).toMatch(/time zone/);
  });

  it("saves several ranges a day in order and the limit, and refuses overlaps and ends before starts by field", async () => {
    await alice.expect(200, "PATCH", "/api/profile", { timeZone: "Asia/Tokyo" });
    const saved = await alice.expect<AvailabilityResponse>(200, "PUT", "/api/availability", {
      weeklyHours: {
        ...noHours,
        monday: [
          { start: 13 * 60, end: 15 * 60 },
          { start: 9 * 60, end: 10 * 60 },
        ],
        thursday: [{ start: 9 * 60, end: 17 * 60 }],
      },
      dailyBookingLimit: 3,
    });
    expect(saved.availability).toMatchObject({ isDefault: false, dailyBookingLimit: 3, timeZone: "Asia/Tokyo" });
    expect(saved.availability.weeklyHours.monday).toEqual([
      { start: 540, end: 600 },
      { start: 780, end: 900 },
    ]);
    expect(await alice.expect(200, "GET", "/api/availability")).toEqual(saved);

    const overlapping = await alice.send("PUT", "/api/availability", {
      weeklyHours: {
        ...noHours,
        tuesday: [
          { start: 9 * 60, end: 12 * 60 },
          { start: 11 * 60, end: 13 * 60 },
        ],
      },
      dailyBookingLimit: null,
    });
    const overlap = await expectError(overlapping.response, 422);
    expect(overlap.details).toContainEqual({ path: "weeklyHours.tuesday.1.start", message: "Overlaps 09:00–12:00" });
    const backwards = await alice.send("PUT", "/api/availability", {
      weeklyHours: { ...noHours, friday: [{ start: 600, end: 540 }] },
      dailyBookingLimit: 0,
    });
    const backwardsError = await expectError(backwards.response, 422);
    expect(backwardsError.details).toContainEqual({
      path: "weeklyHours.friday.0.end",
      message: "10:00–09:00: end after the start",
    });
    expect(backwardsError.details).toContainEqual(expect.objectContaining({ path: "dailyBookingLimit" }));
    for (const body of [
      {},
      { weeklyHours: noHours },
      { weeklyHours: { ...noHours, funday: [] }, dailyBookingLimit: null },
    ])
      await expectError((await alice.send("PUT", "/api/availability", body)).response, 422);
    expect(await alice.expect(200, "GET", "/api/availability")).toEqual(saved);
  });

  it("keeps one override per date, lists them by date and deletes them", async () => {
    const dayOff = await alice.expect<AvailabilityOverride>(201, "POST", "/api/availability/overrides", {
      date: dateOf(tokyoMonday + 3 * DAY),
      ranges: [],
      note: "Conference",
    });
    expect(dayOff).toMatchObject({ ranges: [], note: "Conference" });
    const taken = await alice.send("POST", "/api/availability/overrides", {
      date: dayOff.date,
      ranges: [{ start: 600, end: 660 }],
    });
    expect((await expectError(taken.response, 409)).details).toEqual([
      { path: "date", message: "This date already has its own hours" },
    ]);
    const custom = await alice.expect<AvailabilityOverride>(201, "POST", "/api/availability/overrides", {
      date: dateOf(tokyoMonday + 2 * DAY),
      ranges: [{ start: 10 * 60, end: 11 * 60 }],
      note: "",
    });
    expect(custom.note).toBeNull();
    const temporary = await alice.expect<AvailabilityOverride>(201, "POST", "/api/availability/overrides", {
      date: "2030-02-28",
      ranges: [],
    });
    const list = await alice.expect<OverrideListResponse>(200, "GET", "/api/availability/overrides");
    expect(list.items.map((item) => item.id)).toEqual(
      [custom, dayOff, temporary].sort((a, b) => a.date.localeCompare(b.date)).map((item) => item.id),
    );
    const later = await alice.expect<OverrideListResponse>(
      200,
      "GET",
      `/api/availability/overrides?from=${dateOf(tokyoMonday + 3 * DAY)}`,
    );
    expect(later.items.map((item) => item.date)).not.toContain(custom.date);
    expect(await alice.send("DELETE", `/api/availability/overrides/${temporary.id}`)).toMatchObject({ status: 204 });
    await expectError((await alice.send("DELETE", `/api/availability/overrides/${temporary.id}`)).response, 404);
    for (const body of [
      { date: "2030-02-30", ranges: [] },
      { date: "tomorrow", ranges: [] },
      { date: "2030-03-01" },
      { date: "2030-03-01", ranges: [{ start: 600, end: 600 }] },
      { date: "2030-03-01", ranges: [], note: "x".repeat(201) },
    ])
      await expectError((await alice.send("POST", "/api/availability/overrides", body)).response, 422);
  });

  it("records each change in the activity log as a settings change, with ids and counts only", async () => {
    const events = await alice.sql<{ action: string; metadata: Record<string, unknown> }>(
      sql`select action, metadata from public.audit_events
           where metadata->>'setting' = 'availability' order by occurred_at, id`,
    );
    expect(events.every((event) => event.action === "settings.updated")).toBe(true);
    expect(events.map((event) => event.metadata.change)).toEqual([
      "hours",
      "override_created",
      "override_created",
      "override_created",
      "override_deleted",
    ]);
    expect(events[0]?.metadata).toEqual({ setting: "availability", change: "hours", ranges: 3 });
  });

  it("runs the slot engine over the stored week and overrides in the practitioner's zone", async () => {
    const week = await alice.expect<SlotsResponse>(
      200,
      "GET",
      slotsUrl({ durationMinutes: 60, stepMinutes: 60, from: at(0, 0), to: at(7, 0) }),
    );
    expect(week.timeZone).toBe("Asia/Tokyo");
    // Monday 9–10 and 13–15; Wednesday's override 10–11; Thursday is a day off by override.
    expect(week.slots).toEqual([
      { start: at(0, 9), end: at(0, 10) },
      { start: at(0, 13), end: at(0, 14) },
      { start: at(0, 14), end: at(0, 15) },
      { start: at(2, 10), end: at(2, 11) },
    ]);
    const halfHours = await alice.expect<SlotsResponse>(
      200,
      "GET",
      slotsUrl({ durationMinutes: 30, stepMinutes: 30, from: at(0, 0), to: at(1, 0) }),
    );
    expect(halfHours.slots.map((slot) => slot.start)).toEqual([
      at(0, 9),
      at(0, 9.5),
      at(0, 13),
      at(0, 13.5),
      at(0, 14),
      at(0, 14.5),
    ]);
    const nearby = await alice.expect<SlotsResponse>(
      200,
      "GET",
      slotsUrl({ durationMinutes: 60, maximumDaysAhead: 1, from: at(0, 0), to: at(7, 0) }),
    );
    expect(nearby.slots).toEqual([]);
    for (const params of [
      { from: at(0, 0), to: at(7, 0) },
      { durationMinutes: 60, from: at(7, 0), to: at(0, 0) },
      { durationMinutes: 60, from: at(0, 0), to: at(70, 0) },
      { durationMinutes: 60, from: "next monday", to: at(7, 0) },
      { durationMinutes: 2, from: at(0, 0), to: at(7, 0) },
      { durationMinutes: 60, from: at(0, 0), to: at(7, 0), extra: 1 },
    ])
      await expectError((await alice.send("GET", slotsUrl(params))).response, 422);
  });
});

describe("availability of one practitioner is invisible to another", () => {
  it("through the API: Bob sees his own defaults and cannot delete Alice's overrides", async () => {
    const aliceOverrides = await alice.expect<OverrideListResponse>(200, "GET", "/api/availability/overrides");
    expect(aliceOverrides.items.length).toBeGreaterThan(0);
    const bobs = await bob.expect<AvailabilityResponse>(200, "GET", "/api/availability");
    expect(bobs.availability.isDefault).toBe(true);
    expect(await bob.expect(200, "GET", "/api/availability/overrides")).toEqual({ items: [] });
    for (const item of aliceOverrides.items)
      await expectError((await bob.send("DELETE", `/api/availability/overrides/${item.id}`)).response, 404);
    await bob.expect(200, "PATCH", "/api/profile", { timeZone: "Asia/Tokyo" });
    const bobSlots = await bob.expect<SlotsResponse>(
      200,
      "GET",
      slotsUrl({ durationMinutes: 60, stepMinutes: 60, from: at(2, 0), to: at(3, 0) }),
    );
    // Bob's Wednesday is the default 9–17, not Alice's override.
    expect(bobSlots.slots).toHaveLength(8);
    await bob.expect(200, "PUT", "/api/availability", { weeklyHours: noHours, dailyBookingLimit: 1 });
    expect(await alice.expect(200, "GET", "/api/availability/overrides")).toEqual(aliceOverrides);
    const aliceWeek = await alice.expect<AvailabilityResponse>(200, "GET", "/api/availability");
    expect(aliceWeek.availability.dailyBookingLimit).toBe(3);
  });

  it("under row level security: Bob reads, changes and adds nothing of Alice's", async () => {
    const before = await systemRows(
      sql`select (select count(*) from public.availability_settings where user_id = ${alice.id}) as settings,
                 (select count(*) from public.availability_weekly_ranges where user_id = ${alice.id}) as ranges,
                 (select count(*) from public.availability_overrides where user_id = ${alice.id}) as overrides`,
    );
    for (const table of ["availability_settings", "availability_weekly_ranges", "availability_overrides"]) {
      const rows = await bob.sql<{ user_id: string }>(
        sql`select user_id from ${sql.identifier("public")}.${sql.identifier(table)}`,
      );
      expect(
        rows.every((row) => row.user_id === bob.id),
        table,
      ).toBe(true);
      expect(
        await bob.sql(
          sql`delete from ${sql.identifier("public")}.${sql.identifier(table)} where user_id = ${alice.id} returning user_id`,
        ),
      ).toEqual([]);
    }
    expect(
      await bob.sql(
        sql`update public.availability_settings set daily_booking_limit = 50 where user_id = ${alice.id} returning user_id`,
      ),
    ).toEqual([]);
    expect(
      await bob.sql(
        sql`update public.availability_overrides set note = 'Bob' where user_id = ${alice.id} returning id`,
      ),
    ).toEqual([]);
    await expect(
      bob.sql(sql`insert into public.availability_overrides (user_id, on_date) values (${alice.id}, '2030-05-05')`),
    ).rejects.toThrow();
    await expect(
      bob.sql(
        sql`insert into public.availability_weekly_ranges (user_id, weekday, start_minute, end_minute) values (${alice.id}, 6, 0, 60)`,
      ),
    ).rejects.toThrow();
    expect(
      await systemRows(
        sql`select (select count(*) from public.availability_settings where user_id = ${alice.id}) as settings,
                   (select count(*) from public.availability_weekly_ranges where user_id = ${alice.id}) as ranges,
                   (select count(*) from public.availability_overrides where user_id = ${alice.id}) as overrides`,
      ),
    ).toEqual(before);
    // Alice herself sees her rows, so the empty answers above are isolation, not empty tables.
    expect(await alice.sql(sql`select 1 from public.availability_overrides`)).not.toEqual([]);
    expect(await alice.sql(sql`select 1 from public.availability_weekly_ranges`)).toHaveLength(3);
  });
});
