import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { CheckIn, CheckInListResponse } from "@/lib/contracts/check-ins";
import { addDays, practitionerDay } from "@/lib/format/practitioner-day";
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

const answers = { energy: 4, mood: 3, sleep: 2, stress: 5, note: "Slept badly, busy clinic" };
const rowsOf = (userId: string) =>
  systemRows(sql`select day::text, period, energy, mood, sleep, stress, note from public.check_ins
                 where user_id = ${userId} order by day, period`);
const today = async (who: Practitioner) => (await who.expect<CheckInListResponse>(200, "GET", "/api/check-ins")).today;

describe("check-ins", () => {
  it("'today' is the practitioner's day: their zone and the hour their day starts", async () => {
    await alice.expect(200, "PATCH", "/api/profile", { timeZone: "Pacific/Kiritimati", dayStartHour: 4 });
    const list = await alice.expect<CheckInListResponse>(200, "GET", "/api/check-ins");
    const expected = practitionerDay(new Date(), { timeZone: "Pacific/Kiritimati", dayStartHour: 4 });
    // The request and this line may straddle the turn of the day; never by more than one.
    expect([expected, addDays(expected, -1)]).toContain(list.today);
    expect(list).toMatchObject({ from: addDays(list.today, -29), to: list.today, items: [] });
  });

  it("one per period and day: a second save replaces the first; morning and evening are separate", async () => {
    const day = await today(alice);
    const morning = await alice.expect<CheckIn>(200, "PUT", `/api/check-ins/${day}/morning`, answers);
    expect(morning).toMatchObject({ day, period: "morning", ...answers });
    await alice.expect(200, "PUT", `/api/check-ins/${day}/morning`, {
      energy: 2,
      mood: null,
      sleep: null,
      stress: null,
      note: "  ",
    });
    await alice.expect(200, "PUT", `/api/check-ins/${day}/evening`, { ...answers, note: "" });
    expect(await rowsOf(alice.id)).toEqual([
      { day, period: "evening", energy: 4, mood: 3, sleep: 2, stress: 5, note: null },
      { day, period: "morning", energy: 2, mood: null, sleep: null, stress: null, note: null },
    ]);
    const list = await alice.expect<CheckInListResponse>(200, "GET", "/api/check-ins");
    expect(list.items.map((item) => item.period)).toEqual(["evening", "morning"]);
  });

  it("refuses to change yesterday's check-in (409) or fill in tomorrow's, changing nothing", async () => {
    const day = await today(alice);
    const yesterday = addDays(day, -1);
    await systemRows(
      sql`insert into public.check_ins (user_id, day, period, mood) values (${alice.id}, ${yesterday}, 'evening', 1)`,
    );
    const before = await rowsOf(alice.id);
    const refused = await expectError(
      (await alice.send("PUT", `/api/check-ins/${yesterday}/evening`, answers)).response,
      409,
    );
    expect(refused.message).toBe("That day is over: a check-in can be changed only on its own day");
    await expectError((await alice.send("PUT", `/api/check-ins/${yesterday}/morning`, answers)).response, 409);
    await expectError((await alice.send("PUT", `/api/check-ins/${addDays(day, 1)}/morning`, answers)).response, 409);
    expect(await rowsOf(alice.id)).toEqual(before);
    // Earlier days are still read back, for the chart.
    const range = await alice.expect<CheckInListResponse>(
      200,
      "GET",
      `/api/check-ins?from=${addDays(day, -3)}&to=${day}`,
    );
    expect(range.items.find((item) => item.day === yesterday)).toMatchObject({ period: "evening", mood: 1 });
  });

  it("another practitioner can neither read nor change them, through the API or under row level security", async () => {
    const day = await today(alice);
    const before = await rowsOf(alice.id);
    expect((await bob.expect<CheckInListResponse>(200, "GET", "/api/check-ins")).items).toEqual([]);
    // Bob writing his own check-in for the same day and period touches only his own row.
    await bob.expect(200, "PUT", `/api/check-ins/${await today(bob)}/morning`, answers);
    expect(await rowsOf(alice.id)).toEqual(before);
    expect(await bob.sql(sql`select * from public.check_ins where user_id = ${alice.id}`)).toEqual([]);
    expect(await bob.sql(sql`update public.check_ins set mood = 5 where user_id = ${alice.id} returning id`)).toEqual(
      [],
    );
    expect(await bob.sql(sql`delete from public.check_ins where user_id = ${alice.id} returning id`)).toEqual([]);
    expect(
      await refusal(
        bob.sql(
          sql`insert into public.check_ins (user_id, day, period, mood) values (${alice.id}, ${day}, 'morning', 1)`,
        ),
      ),
    ).toBe("42501");
    expect(await rowsOf(alice.id)).toEqual(before);
  });

  it("refuses hostile input with 4xx in the one error shape, changing nothing", async () => {
    const day = await today(alice);
    const before = await rowsOf(alice.id);
    for (const body of [
      {},
      { ...answers, energy: 0 },
      { ...answers, mood: 6 },
      { ...answers, sleep: 2.5 },
      { ...answers, stress: "3" },
      { ...answers, note: "two\nlines" },
      { ...answers, note: "x".repeat(141) },
      { ...answers, note: "nul\u0000" },
      { energy: null, mood: null, sleep: null, stress: null, note: "" },
      { ...answers, userId: bob.id },
      { ...answers, day: addDays(day, -1) },
      [],
    ]) {
      const sent = await alice.send("PUT", `/api/check-ins/${day}/morning`, body);
      expect(sent.status, JSON.stringify(body)).toBe(422);
      await expectError(sent.response, 422);
    }
    for (const url of [
      `/api/check-ins/${day}/noon`,
      "/api/check-ins/2026-02-30/morning",
      "/api/check-ins/today/evening",
    ]) {
      await expectError((await alice.send("PUT", url, answers)).response, 422);
    }
    for (const query of [
      "from=yesterday",
      `from=${day}&to=${addDays(day, -1)}`,
      `from=${addDays(day, -400)}&to=${day}`,
      "limit=5",
    ]) {
      await expectError((await alice.send("GET", `/api/check-ins?${query}`)).response, 422);
    }
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          energy: fc.anything(),
          mood: fc.anything(),
          sleep: fc.anything(),
          stress: fc.anything(),
          note: fc.anything(),
        }),
        async (body) => {
          const sent = await alice.send("PUT", `/api/check-ins/${addDays(day, -2)}/evening`, body);
          expect(sent.status).toBeGreaterThanOrEqual(400);
          expect(sent.status).toBeLessThan(500);
        },
      ),
      { numRuns: 50 },
    );
    expect(await rowsOf(alice.id)).toEqual(before);
  });
});
