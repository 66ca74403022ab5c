import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionType } from "@/lib/contracts/session-types";
import { expectError } from "../auth/fixtures";
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

describe("session types", () => {
  it("are created with defaults for what is not given, listed offered-first by name, and audited", async () => {
    const consultation = await alice.expect<SessionType>(201, "POST", "/api/session-types", {
      name: " Initial consultation ",
      durationMinutes: 60,
    });
    expect(consultation).toMatchObject({
      name: "Initial consultation",
      durationMinutes: 60,
      price: null,
      currency: null,
      color: "#2563eb",
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      minNoticeMinutes: 0,
      maxDaysAhead: 60,
      clientBookable: false,
      locationKind: "in_person",
      locationDetail: null,
      archived: false,
    });
    const massage = await alice.expect<SessionType>(201, "POST", "/api/session-types", {
      name: "Aromatherapy massage",
      durationMinutes: 90,
      price: "79.5",
      currency: "eur",
      color: "#DB2777",
      bufferBeforeMinutes: 10,
      bufferAfterMinutes: 15,
      minNoticeMinutes: 1440,
      maxDaysAhead: 30,
      clientBookable: true,
      locationKind: "video",
      locationDetail: "https://meet.example.com/alice",
    });
    expect(massage).toMatchObject({ price: "79.50", currency: "EUR", color: "#db2777", locationKind: "video" });
    await alice.expect(200, "PATCH", `/api/session-types/${consultation.id}`, { archived: true });
    const list = await alice.expect<{ items: SessionType[] }>(200, "GET", "/api/session-types");
    expect(list.items.map((item) => [item.name, item.archived])).toEqual([
      ["Aromatherapy massage", false],
      ["Initial consultation", true],
    ]);
    const events = await systemRows<{ setting: string; change: string }>(
      sql`select metadata->>'setting' as setting, metadata->>'change' as change from public.audit_events
           where user_id = ${alice.id} and action = 'settings.updated' order by occurred_at`,
    );
    expect(events.filter((event) => event.setting === "session_types").map((event) => event.change)).toEqual([
      "created",
      "created",
      "updated",
    ]);
  });

  it("are edited field by field; price and currency go together", async () => {
    const type = await alice.expect<SessionType>(201, "POST", "/api/session-types", {
      name: "Follow-up",
      durationMinutes: 45,
      price: "60",
      currency: "GBP",
    });
    const edited = await alice.expect<SessionType>(200, "PATCH", `/api/session-types/${type.id}`, {
      durationMinutes: 50,
      price: null,
      currency: null,
    });
    expect(edited).toMatchObject({ name: "Follow-up", durationMinutes: 50, price: null, currency: null });
    await expectError((await alice.send("PATCH", `/api/session-types/${type.id}`, { price: "10" })).response, 422);
    expect(await alice.expect(200, "PATCH", `/api/session-types/${type.id}`, {})).toEqual(edited);
    await alice.expect(204, "DELETE", `/api/session-types/${type.id}`);
    await expectError((await alice.send("DELETE", `/api/session-types/${type.id}`)).response, 404);
  });

  it("refuse hostile and invalid input with the JSON error shape", async () => {
    for (const body of [
      {},
      { name: "No length" },
      { name: "", durationMinutes: 60 },
      { name: "x".repeat(81), durationMinutes: 60 },
      { name: "Short", durationMinutes: 4 },
      { name: "Long", durationMinutes: 721 },
      { name: "Frac", durationMinutes: 60.5 },
      { name: "Text", durationMinutes: "60" },
      { name: "Price", durationMinutes: 60, price: "12" },
      { name: "Price", durationMinutes: 60, price: "-1", currency: "EUR" },
      { name: "Price", durationMinutes: 60, price: "1e3", currency: "EUR" },
      { name: "Cur", durationMinutes: 60, price: "1", currency: "EURO" },
      { name: "Colour", durationMinutes: 60, color: "red" },
      { name: "Buffer", durationMinutes: 60, bufferAfterMinutes: -5 },
      { name: "Where", durationMinutes: 60, locationKind: "moon" },
      { name: "Nul\u0000", durationMinutes: 60 },
      { name: "Owner", durationMinutes: 60, userId: bob.id },
      [],
      "plain text",
    ]) {
      const sent = await alice.send("POST", "/api/session-types", body);
      expect([400, 422], JSON.stringify(body)).toContain(sent.status);
      await expectError(sent.response, sent.status);
    }
    await expectError((await alice.send("PATCH", "/api/session-types/not-an-id", { name: "x" })).response, 422);
  });
});

describe("session types between practitioners", () => {
  it("are invisible and untouchable through the API (404) and under row level security", async () => {
    const mine = await alice.expect<SessionType>(201, "POST", "/api/session-types", {
      name: "Private",
      durationMinutes: 30,
    });
    for (const [method, url, body] of [
      ["PATCH", `/api/session-types/${mine.id}`, { name: "Hijacked" }],
      ["PATCH", `/api/session-types/${mine.id}`, {}],
      ["DELETE", `/api/session-types/${mine.id}`, undefined],
    ] as const) {
      await expectError((await bob.send(method, url, body)).response, 404);
    }
    const bobs = await bob.expect<{ items: SessionType[] }>(200, "GET", "/api/session-types");
    expect(bobs.items.map((item) => item.id)).not.toContain(mine.id);
    expect(await bob.sql(sql`select id from public.session_types where id = ${mine.id}`)).toEqual([]);
    expect(await bob.sql(sql`update public.session_types set name = 'x' where id = ${mine.id} returning id`)).toEqual(
      [],
    );
    expect(await bob.sql(sql`delete from public.session_types where id = ${mine.id} returning id`)).toEqual([]);
    await expect(
      bob.sql(
        sql`insert into public.session_types (user_id, name, duration_minutes) values (${alice.id}, 'Planted', 30)`,
      ),
    ).rejects.toThrow();
    const [row] = await systemRows<{ name: string }>(sql`select name from public.session_types where id = ${mine.id}`);
    expect(row?.name).toBe("Private");
  });
});
