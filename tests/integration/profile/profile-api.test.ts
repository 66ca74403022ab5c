import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { ProfileResponse } from "@/lib/contracts/profile";
import { expectError } from "../auth/fixtures";
import {
  loadClientRecordsApi,
  signUpPractitioner,
  systemRows,
  type ClientRecordsApi,
  type Practitioner,
} from "../contacts/client-records-api";

let api: ClientRecordsApi;
let alice: Practitioner;
let bob: Practitioner;

beforeAll(async () => {
  api = await loadClientRecordsApi();
  alice = await signUpPractitioner(api, "Alice");
  bob = await signUpPractitioner(api, "Bob");
});

async function profileEvents(userId: string) {
  return systemRows<{ action: string; target_type: string; target_id: string; metadata: unknown }>(
    sql`select action, target_type, target_id, metadata from public.audit_events
        where user_id = ${userId} and action = 'profile.updated' order by occurred_at, id`,
  );
}

describe("GET/PATCH /api/profile", () => {
  it("a new practitioner's profile has their name, no zone yet (the browser supplies it), Monday and the locale's clock", async () => {
    const { profile } = await alice.expect<ProfileResponse>(200, "GET", "/api/profile");
    expect(profile).toEqual({
      displayName: "Alice",
      businessName: null,
      locale: null,
      timeZone: null,
      weekStart: "monday",
      hourCycle: null,
      dayStartHour: 0,
    });
  });

  it("changes only the fields sent and records which fields changed, never their values", async () => {
    const first = await alice.expect<ProfileResponse>(200, "PATCH", "/api/profile", {
      timeZone: "Pacific/Auckland",
      businessName: "  Harbour Massage  ",
    });
    expect(first.profile).toMatchObject({
      displayName: "Alice",
      businessName: "Harbour Massage",
      timeZone: "Pacific/Auckland",
      weekStart: "monday",
    });
    const second = await alice.expect<ProfileResponse>(200, "PATCH", "/api/profile", {
      locale: "en-US",
      weekStart: "sunday",
      hourCycle: "h23",
      timeZone: "Pacific/Auckland",
      dayStartHour: 4,
    });
    expect(second.profile).toEqual({
      displayName: "Alice",
      businessName: "Harbour Massage",
      locale: "en-US",
      timeZone: "Pacific/Auckland",
      weekStart: "sunday",
      hourCycle: "h23",
      dayStartHour: 4,
    });
    expect(await alice.expect<ProfileResponse>(200, "GET", "/api/profile")).toEqual(second);

    const events = await profileEvents(alice.id);
    expect(events).toEqual([
      {
        action: "profile.updated",
        target_type: "account",
        target_id: alice.id,
        metadata: { fields: "businessName,timeZone" },
      },
      // The zone was sent again unchanged: it is not listed.
      {
        action: "profile.updated",
        target_type: "account",
        target_id: alice.id,
        metadata: { fields: "dayStartHour,hourCycle,locale,weekStart" },
      },
    ]);
    expect(JSON.stringify(events)).not.toContain("Harbour");
  });

  it("blank locale and clock mean the browser's language and the locale's clock; blank business name clears it", async () => {
    const { profile } = await alice.expect<ProfileResponse>(200, "PATCH", "/api/profile", {
      locale: "",
      hourCycle: "",
      businessName: "",
    });
    expect(profile).toMatchObject({ locale: null, hourCycle: null, businessName: null });
  });

  it("sending what is stored changes nothing and records nothing", async () => {
    const before = (await profileEvents(alice.id)).length;
    const current = await alice.expect<ProfileResponse>(200, "GET", "/api/profile");
    expect(await alice.expect(200, "PATCH", "/api/profile", current.profile)).toEqual(current);
    expect(await alice.expect(200, "PATCH", "/api/profile", {})).toEqual(current);
    expect(await profileEvents(alice.id)).toHaveLength(before);
  });

  it("refuses bad zones, locales and fields with 422 and the JSON error shape, changing nothing", async () => {
    const before = await alice.expect<ProfileResponse>(200, "GET", "/api/profile");
    for (const body of [
      { timeZone: "Mars/Olympus_Mons" },
      { timeZone: "+01:00" },
      { timeZone: "" },
      { timeZone: null },
      { timeZone: 42 },
      { locale: "xx-XX" },
      { locale: "en_GB" },
      { weekStart: "friday" },
      { hourCycle: "h24" },
      { dayStartHour: 13 },
      { dayStartHour: -1 },
      { dayStartHour: 4.5 },
      { dayStartHour: "4" },
      { dayStartHour: null },
      { displayName: "" },
      { displayName: "x".repeat(121) },
      { businessName: "a\u0000b" },
      { email: "someone@example.test" },
      { displayName: "Alice Two", timeZone: "Nowhere/Special" },
    ]) {
      const error = await expectError((await alice.send("PATCH", "/api/profile", body)).response, 422);
      expect(error.code, JSON.stringify(body)).toBe("validation_failed");
    }
    expect(await alice.expect<ProfileResponse>(200, "GET", "/api/profile")).toEqual(before);
  });

  it("a practitioner reads and changes only their own profile", async () => {
    await bob.expect(200, "PATCH", "/api/profile", { timeZone: "America/New_York", displayName: "Bob B." });
    const aliceProfile = await alice.expect<ProfileResponse>(200, "GET", "/api/profile");
    expect(aliceProfile.profile.displayName).toBe("Alice");
    expect(aliceProfile.profile.timeZone).toBe("Pacific/Auckland");
    expect((await bob.expect<ProfileResponse>(200, "GET", "/api/profile")).profile).toMatchObject({
      displayName: "Bob B.",
      timeZone: "America/New_York",
    });
    // Under row level security Alice cannot see or change Bob's row even by naming it.
    expect(await alice.sql(sql`select time_zone from public.profiles where user_id = ${bob.id}`)).toEqual([]);
    expect(
      await alice.sql(sql`update public.profiles set time_zone = 'UTC' where user_id = ${bob.id} returning 1`),
    ).toEqual([]);
    expect(await profileEvents(bob.id)).toHaveLength(1);
  });

  it("the database refuses values the contract would (a script or a bug cannot store them)", async () => {
    for (const statement of [
      sql`update public.profiles set week_start = 'friday' where user_id = ${alice.id}`,
      sql`update public.profiles set hour_cycle = 'h24' where user_id = ${alice.id}`,
      sql`update public.profiles set locale = 'english' where user_id = ${alice.id}`,
      sql`update public.profiles set time_zone = '' where user_id = ${alice.id}`,
    ]) {
      await expect(alice.sql(statement)).rejects.toThrow();
    }
  });

  it("a signed-out caller gets 401", async () => {
    const { TestBrowser } = await import("../../support/test-browser");
    const route = await import("@/app/api/profile/route");
    const response = await route.GET(new TestBrowser().request("GET", "/api/profile"));
    await expectError(response, 401);
  });
});
