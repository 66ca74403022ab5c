import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Habit, HabitListResponse } from "@/lib/contracts/habits";
import { addDays } from "@/lib/format/practitioner-day";
import { expectError } from "../auth/fixtures";
import { refusal } from "../consents/consents-app";
import {
  loadClientRecordsApi,
  signUpPractitioner,
  systemRows,
  type Practitioner,
} from "../contacts/client-records-api";

let alice: Practitioner;
let bob: Practitioner;

beforeAll(async () => {
  const api = await loadClientRecordsApi();
  alice = await signUpPractitioner(api, "Alice");
  bob = await signUpPractitioner(api, "Bob");
});

const today = async (who: Practitioner) => (await who.expect<HabitListResponse>(200, "GET", "/api/habits")).today;

async function snapshot(userId: string): Promise<unknown> {
  return {
    habits: await systemRows(sql`select * from public.habits where user_id = ${userId} order by id`),
    entries: await systemRows(sql`select * from public.habit_entries where user_id = ${userId} order by habit_id, day`),
    pauses: await systemRows(sql`select * from public.habit_pauses where user_id = ${userId} order by id`),
  };
}

describe("habits", () => {
  it("are created with a schedule and a colour, listed with today's day, streak, strength and 12 weeks", async () => {
    const walk = await alice.expect<Habit>(201, "POST", "/api/habits", {
      name: "  Walk  ",
      schedule: { kind: "daily" },
    });
    expect(walk).toMatchObject({
      name: "Walk",
      schedule: { kind: "daily" },
      archived: false,
      dueToday: true,
      todayStatus: null,
      streak: { length: 0, unit: "days" },
      strength: 0,
    });
    expect(walk.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(walk.recent).toHaveLength(84);
    const stretch = await alice.expect<Habit>(201, "POST", "/api/habits", {
      name: "Stretch",
      color: "#ABCDEF",
      schedule: { kind: "weekdays", weekdays: [5, 1, 1, 3] },
    });
    expect(stretch).toMatchObject({ color: "#abcdef", schedule: { kind: "weekdays", weekdays: [1, 3, 5] } });
    const swim = await alice.expect<Habit>(201, "POST", "/api/habits", {
      name: "Swim",
      schedule: { kind: "times_per_week", timesPerWeek: 2 },
    });
    expect(swim.streak.unit).toBe("weeks");
    const list = await alice.expect<HabitListResponse>(200, "GET", "/api/habits");
    expect(list.items.map((habit) => habit.name)).toEqual(["Walk", "Stretch", "Swim"]);
    expect(list.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(list.pause).toBeNull();
  });

  it("take one answer per day (a second replaces the first), for today or an earlier day, never a later one", async () => {
    const habit = await alice.expect<Habit>(201, "POST", "/api/habits", { name: "Read", schedule: { kind: "daily" } });
    const day = await today(alice);
    const yesterday = addDays(day, -1);
    await alice.expect(200, "PUT", `/api/habits/${habit.id}/entries/${yesterday}`, { status: "yes" });
    const ticked = await alice.expect<Habit>(200, "PUT", `/api/habits/${habit.id}/entries/${day}`, { status: "no" });
    expect(ticked.todayStatus).toBe("no");
    const again = await alice.expect<Habit>(200, "PUT", `/api/habits/${habit.id}/entries/${day}`, { status: "yes" });
    expect(again).toMatchObject({ todayStatus: "yes", streak: { length: 2, unit: "days" } });
    expect(again.strength).toBeGreaterThan(0);
    expect(again.recent.at(-1)).toEqual({ day, status: "yes", paused: false, due: true });
    const rows = await systemRows(
      sql`select day::text, status from public.habit_entries where habit_id = ${habit.id} order by day`,
    );
    expect(rows).toEqual([
      { day: yesterday, status: "yes" },
      { day, status: "yes" },
    ]);
    await expectError(
      (await alice.send("PUT", `/api/habits/${habit.id}/entries/${addDays(day, 1)}`, { status: "yes" })).response,
      422,
    );
    await expectError(
      (await alice.send("PUT", `/api/habits/${habit.id}/entries/${addDays(day, -400)}`, { status: "yes" })).response,
      422,
    );
    const cleared = await alice.expect<Habit>(200, "DELETE", `/api/habits/${habit.id}/entries/${day}`);
    expect(cleared).toMatchObject({ todayStatus: null, streak: { length: 1 } });
  });

  it("are renamed, rescheduled, archived and restored; deleting one removes its answers", async () => {
    const habit = await alice.expect<Habit>(201, "POST", "/api/habits", {
      name: "Journal",
      schedule: { kind: "daily" },
    });
    await alice.expect(200, "PUT", `/api/habits/${habit.id}/entries/${await today(alice)}`, { status: "skip" });
    const changed = await alice.expect<Habit>(200, "PATCH", `/api/habits/${habit.id}`, {
      name: "Journal at night",
      schedule: { kind: "times_per_week", timesPerWeek: 3 },
      archived: true,
    });
    expect(changed).toMatchObject({ name: "Journal at night", archived: true, todayStatus: "skip" });
    expect((await alice.expect<Habit>(200, "PATCH", `/api/habits/${habit.id}`, { archived: false })).archived).toBe(
      false,
    );
    await alice.expect(204, "DELETE", `/api/habits/${habit.id}`);
    await alice.expect(404, "DELETE", `/api/habits/${habit.id}`);
    await alice.expect(404, "PATCH", `/api/habits/${habit.id}`, { name: "Back" });
    expect(await systemRows(sql`select 1 from public.habit_entries where habit_id = ${habit.id}`)).toEqual([]);
  });

  it("pause all for a holiday: paused days are neither missed nor done, and resuming keeps the days already paused", async () => {
    const day = await today(alice);
    const holiday = await alice.expect<{ pause: unknown }>(200, "PUT", "/api/habits/pause", { until: addDays(day, 6) });
    expect(holiday.pause).toEqual({ pausedFrom: day, pausedUntil: addDays(day, 6) });
    const list = await alice.expect<HabitListResponse>(200, "GET", "/api/habits");
    expect(list.pause).toEqual(holiday.pause);
    expect(list.items.every((habit) => !habit.dueToday && habit.recent.at(-1)?.paused)).toBe(true);
    expect((await alice.expect<{ pause: unknown }>(200, "DELETE", "/api/habits/pause")).pause).toBeNull();
    // A pause that began today is gone entirely; one planned for later can be set and dropped as well.
    expect(await systemRows(sql`select 1 from public.habit_pauses where user_id = ${alice.id}`)).toEqual([]);
    const planned = await alice.expect<{ pause: unknown }>(200, "PUT", "/api/habits/pause", {
      from: addDays(day, 10),
      until: null,
    });
    expect(planned.pause).toEqual({ pausedFrom: addDays(day, 10), pausedUntil: null });
    expect((await alice.expect<HabitListResponse>(200, "GET", "/api/habits")).items[0]?.dueToday).toBe(true);
    await alice.expect(200, "DELETE", "/api/habits/pause");
    // An earlier holiday stays paused after it ended.
    await systemRows(
      sql`insert into public.habit_pauses (user_id, paused_from, paused_until)
          values (${alice.id}, ${addDays(day, -20)}, ${addDays(day, -15)})`,
    );
    const after = await alice.expect<HabitListResponse>(200, "GET", "/api/habits");
    expect(after.pause).toBeNull();
    expect(after.items[0]?.recent.find((entry) => entry.day === addDays(day, -17))?.paused).toBe(true);
    await expectError((await alice.send("PUT", "/api/habits/pause", { from: addDays(day, -1) })).response, 422);
    await expectError(
      (await alice.send("PUT", "/api/habits/pause", { from: addDays(day, 3), until: addDays(day, 2) })).response,
      422,
    );
  });

  it("another practitioner can neither see nor change them, through the API or under row level security", async () => {
    const habit = await alice.expect<Habit>(201, "POST", "/api/habits", {
      name: "Private",
      schedule: { kind: "daily" },
    });
    const day = await today(alice);
    await alice.expect(200, "PUT", `/api/habits/${habit.id}/entries/${day}`, { status: "yes" });
    await alice.expect(200, "PUT", "/api/habits/pause", { from: addDays(day, 30) });
    const before = await snapshot(alice.id);

    expect((await bob.expect<HabitListResponse>(200, "GET", "/api/habits")).items).toEqual([]);
    expect((await bob.expect<HabitListResponse>(200, "GET", "/api/habits")).pause).toBeNull();
    await bob.expect(404, "PATCH", `/api/habits/${habit.id}`, { name: "Mine now" });
    await bob.expect(404, "DELETE", `/api/habits/${habit.id}`);
    await bob.expect(404, "PUT", `/api/habits/${habit.id}/entries/${day}`, { status: "no" });
    await bob.expect(404, "DELETE", `/api/habits/${habit.id}/entries/${day}`);
    await bob.expect(200, "DELETE", "/api/habits/pause");
    expect(await snapshot(alice.id)).toEqual(before);

    expect(await bob.sql(sql`select * from public.habits where id = ${habit.id}`)).toEqual([]);
    expect(await bob.sql(sql`select * from public.habit_entries where user_id = ${alice.id}`)).toEqual([]);
    expect(await bob.sql(sql`select * from public.habit_pauses where user_id = ${alice.id}`)).toEqual([]);
    expect(await bob.sql(sql`update public.habits set name = 'x' where id = ${habit.id} returning id`)).toEqual([]);
    expect(await bob.sql(sql`delete from public.habit_entries where habit_id = ${habit.id} returning day`)).toEqual([]);
    expect(await bob.sql(sql`delete from public.habit_pauses where user_id = ${alice.id} returning id`)).toEqual([]);
    expect(
      await refusal(
        bob.sql(
          sql`insert into public.habits (user_id, name, color, schedule_kind) values (${alice.id}, 'x', '#000000', 'daily')`,
        ),
      ),
    ).toBe("42501");
    // Not even in one's own name may an answer point at someone else's habit.
    expect(
      await refusal(
        bob.sql(
          sql`insert into public.habit_entries (user_id, habit_id, day, status) values (${bob.id}, ${habit.id}, ${day}, 'yes')`,
        ),
      ),
    ).toMatch(/^(42501|23503)$/);
    expect(
      await refusal(bob.sql(sql`insert into public.habit_pauses (user_id, paused_from) values (${alice.id}, ${day})`)),
    ).toBe("42501");
    expect(await snapshot(alice.id)).toEqual(before);
  });

  it("refuse hostile input with 4xx in the one error shape, changing nothing", async () => {
    const habit = await alice.expect<Habit>(201, "POST", "/api/habits", {
      name: "Target",
      schedule: { kind: "daily" },
    });
    const before = await snapshot(alice.id);
    for (const body of [
      {},
      { name: "", schedule: { kind: "daily" } },
      { name: "x".repeat(81), schedule: { kind: "daily" } },
      { name: "Nul\u0000", schedule: { kind: "daily" } },
      { name: "Ok", schedule: { kind: "hourly" } },
      { name: "Ok", schedule: { kind: "weekdays", weekdays: [] } },
      { name: "Ok", schedule: { kind: "weekdays", weekdays: [7] } },
      { name: "Ok", schedule: { kind: "times_per_week", timesPerWeek: 0 } },
      { name: "Ok", schedule: { kind: "times_per_week", timesPerWeek: 8 } },
      { name: "Ok", schedule: { kind: "daily", weekdays: [1] } },
      { name: "Ok", schedule: { kind: "daily" }, color: "red" },
      { name: "Ok", schedule: { kind: "daily" }, userId: bob.id },
      [],
      "text",
    ]) {
      const sent = await alice.send("POST", "/api/habits", body);
      expect([400, 422], JSON.stringify(body)).toContain(sent.status);
      await expectError(sent.response, sent.status);
    }
    for (const [url, body] of [
      [`/api/habits/${habit.id}/entries/2026-02-30`, { status: "yes" }],
      [`/api/habits/${habit.id}/entries/today`, { status: "yes" }],
      [`/api/habits/${habit.id}/entries/${await today(alice)}`, { status: "maybe" }],
      [`/api/habits/${habit.id}/entries/${await today(alice)}`, { status: "yes", day: "2020-01-01" }],
      [`/api/habits/not-an-id/entries/${await today(alice)}`, { status: "yes" }],
      ["/api/habits/pause", { from: "2026-13-01" }],
      ["/api/habits/pause", { until: "soon" }],
    ] as const) {
      const sent = await alice.send("PUT", url, body);
      expect(sent.status, url).toBe(422);
      await expectError(sent.response, 422);
    }
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            name: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
            schedule: fc.anything(),
            archived: fc.anything(),
          },
          { requiredKeys: [] },
        ),
        async (body) => {
          const sent = await alice.send("PATCH", `/api/habits/${habit.id}`, body);
          expect(sent.status).toBeLessThan(500);
          if (sent.status !== 200) await expectError(sent.response, sent.status);
          else
            await alice.send("PATCH", `/api/habits/${habit.id}`, {
              name: "Target",
              schedule: { kind: "daily" },
              archived: false,
            });
        },
      ),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 30 }), fc.anything(), async (day, status) => {
        const sent = await alice.send("PUT", `/api/habits/${habit.id}/entries/${encodeURIComponent(day)}`, { status });
        expect(sent.status).toBeGreaterThanOrEqual(400);
        expect(sent.status).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
    const after = (await snapshot(alice.id)) as { habits: Record<string, unknown>[] };
    const strip = (value: unknown) =>
      JSON.parse(JSON.stringify(value, (key, field: unknown) => (key === "updated_at" ? undefined : field))) as unknown;
    expect(strip(after)).toEqual(strip(before));
  });
});
