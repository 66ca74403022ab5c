import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Appointment, ContactAppointments } from "@/lib/contracts/appointments";
import type { Contact } from "@/lib/contracts/contacts";
import { expectError } from "../auth/fixtures";
import {
  loadClientRecordsApi,
  signUpPractitioner,
  systemRows,
  type Practitioner,
} from "../contacts/client-records-api";
import { book, bookingSetup, hoursFromNow, plusMinutes } from "./appointments-fixtures";

let alice: Practitioner;
let setup: Awaited<ReturnType<typeof bookingSetup>>;

beforeAll(async () => {
  const api = await loadClientRecordsApi();
  alice = await signUpPractitioner(api, "Alice");
  setup = await bookingSetup(alice);
});

async function auditActions(appointmentId: string) {
  return systemRows<{ action: string; from: string | null; to: string | null }>(
    sql`select action, metadata->>'from' as "from", metadata->>'to' as "to" from public.audit_events
         where target_type = 'appointment' and target_id = ${appointmentId} order by occurred_at, id`,
  );
}

describe("booking", () => {
  it("takes the end from the session type's length, copies its buffers, lists by range and audits", async () => {
    const startsAt = hoursFromNow(24);
    const booked = await book(alice, setup, startsAt);
    expect(booked).toMatchObject({
      contactId: setup.client.id,
      contactName: "Rosa Marsh",
      sessionTypeName: "Massage",
      color: setup.sessionType.color,
      startsAt,
      endsAt: plusMinutes(startsAt, 60),
      bufferBeforeMinutes: 10,
      bufferAfterMinutes: 15,
      status: "scheduled",
    });
    const range = `from=${encodeURIComponent(plusMinutes(startsAt, -60))}&to=${encodeURIComponent(plusMinutes(startsAt, 1))}`;
    const listed = await alice.expect<{ items: Appointment[] }>(200, "GET", `/api/appointments?${range}`);
    expect(listed.items.map((item) => item.id)).toEqual([booked.id]);
    const before = `from=${encodeURIComponent(plusMinutes(startsAt, -120))}&to=${encodeURIComponent(startsAt)}`;
    expect(await alice.expect(200, "GET", `/api/appointments?${before}`)).toEqual({ items: [] });
    expect(await auditActions(booked.id)).toEqual([{ action: "appointment.booked", from: null, to: null }]);
  });

  it("refuses a time overlapping another session or its buffers with 409, and frees it when cancelled", async () => {
    const startsAt = hoursFromNow(48);
    const first = await book(alice, setup, startsAt);
    for (const clash of [
      startsAt,
      plusMinutes(startsAt, 30),
      plusMinutes(startsAt, -60),
      plusMinutes(startsAt, 60 + 15 + 5),
    ]) {
      const sent = await alice.send("POST", "/api/appointments", {
        contactId: setup.client.id,
        sessionTypeId: setup.sessionType.id,
        startsAt: clash,
      });
      const error = await expectError(sent.response, 409);
      expect(error.code).toBe("conflict");
      expect(error.message).toMatch(/overlaps another session/);
    }
    // After the first's 15-minute buffer and this one's own 10-minute buffer: free.
    await book(alice, setup, plusMinutes(startsAt, 60 + 15 + 10));
    await alice.expect(200, "POST", `/api/appointments/${first.id}/status`, { status: "cancelled_by_client" });
    await book(alice, setup, plusMinutes(startsAt, -5));
  });

  it("lets exactly one of several concurrent bookings of one slot succeed; the others get the one 409 body", async () => {
    const startsAt = hoursFromNow(72);
    const attempts = await Promise.all(
      Array.from({ length: 5 }, () =>
        alice.send("POST", "/api/appointments", {
          contactId: setup.client.id,
          sessionTypeId: setup.sessionType.id,
          startsAt,
        }),
      ),
    );
    expect(attempts.map((attempt) => attempt.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const attempt of attempts.filter((one) => one.status === 409)) {
      const error = await expectError(attempt.response, 409);
      expect(error.code).toBe("conflict");
    }
    const rows = await systemRows(
      sql`select id from public.appointments where user_id = ${alice.id} and starts_at = ${startsAt}`,
    );
    expect(rows).toHaveLength(1);
  });

  it("books once per idempotency key (header or body), concurrent repeats included; a reused key with another request is refused", async () => {
    const startsAt = hoursFromNow(96);
    const body = { contactId: setup.client.id, sessionTypeId: setup.sessionType.id, startsAt };
    const headers = { "idempotency-key": "booking-1" };
    const [one, two] = await Promise.all([
      alice.browser.call("POST", "/api/appointments", { body, headers }),
      alice.browser.call("POST", "/api/appointments", { body, headers }),
    ]);
    expect([one?.status, two?.status]).toEqual([201, 201]);
    const first = (await one.json()) as Appointment;
    expect(((await two.json()) as Appointment).id).toBe(first.id);
    const again = await alice.expect<Appointment>(201, "POST", "/api/appointments", {
      ...body,
      idempotencyKey: "booking-1",
    });
    expect(again.id).toBe(first.id);
    expect(
      await systemRows(
        sql`select id from public.appointments where user_id = ${alice.id} and idempotency_key = 'booking-1'`,
      ),
    ).toHaveLength(1);
    const reused = await alice.send("POST", "/api/appointments", {
      ...body,
      startsAt: plusMinutes(startsAt, 240),
      idempotencyKey: "booking-1",
    });
    await expectError(reused.response, 422);
    const mismatch = await alice.browser.call("POST", "/api/appointments", {
      body: { ...body, idempotencyKey: "other" },
      headers,
    });
    await expectError(mismatch, 422);
    await expectError(
      await alice.browser.call("POST", "/api/appointments", { body, headers: { "idempotency-key": "has space" } }),
      422,
    );
  });
});

describe("moving and editing", () => {
  it("keeps the length on a move, refuses a move into another session (unchanged), and audits", async () => {
    const startsAt = hoursFromNow(120);
    const moving = await book(alice, setup, startsAt);
    const blocker = await book(alice, setup, plusMinutes(startsAt, 240));
    const moved = await alice.expect<Appointment>(200, "PATCH", `/api/appointments/${moving.id}`, {
      startsAt: plusMinutes(startsAt, 90),
    });
    expect(moved).toMatchObject({ startsAt: plusMinutes(startsAt, 90), endsAt: plusMinutes(startsAt, 150) });
    const refused = await alice.send("PATCH", `/api/appointments/${moving.id}`, { startsAt: blocker.startsAt });
    await expectError(refused.response, 409);
    const [row] = await alice.sql<{ starts_at: string }>(
      sql`select starts_at::text from public.appointments where id = ${moving.id}`,
    );
    expect(new Date(row?.starts_at ?? "").toISOString()).toBe(moved.startsAt);
    const noted = await alice.expect<Appointment>(200, "PATCH", `/api/appointments/${moving.id}`, {
      notes: "Bring towel",
    });
    expect(noted.notes).toBe("Bring towel");
    expect((await auditActions(moving.id)).map((event) => event.action)).toEqual([
      "appointment.booked",
      "appointment.moved",
      "appointment.updated",
    ]);
  });
});

describe("status transitions", () => {
  it("stamp each step, audit it in the same change, refuse what the lifecycle forbids, and feed the client's visits", async () => {
    const client = await alice.expect<Contact>(201, "POST", "/api/contacts", { displayName: "Visiting Client" });
    const mine = { client, sessionType: setup.sessionType };
    const past = await book(alice, mine, hoursFromNow(-30));
    const confirmed = await alice.expect<Appointment>(200, "POST", `/api/appointments/${past.id}/status`, {
      status: "confirmed",
    });
    expect(confirmed.confirmedAt).not.toBeNull();
    const completed = await alice.expect<Appointment>(200, "POST", `/api/appointments/${past.id}/status`, {
      status: "completed",
    });
    expect(completed).toMatchObject({ status: "completed" });
    expect(completed.completedAt).not.toBeNull();
    for (const status of ["no_show", "confirmed", "cancelled_by_client", "completed"]) {
      const sent = await alice.send("POST", `/api/appointments/${past.id}/status`, { status });
      await expectError(sent.response, 409);
    }
    await expectError(
      (await alice.send("PATCH", `/api/appointments/${past.id}`, { startsAt: hoursFromNow(-50) })).response,
      409,
    );
    expect(await auditActions(past.id)).toEqual([
      { action: "appointment.booked", from: null, to: null },
      { action: "appointment.status_changed", from: "scheduled", to: "confirmed" },
      { action: "appointment.status_changed", from: "confirmed", to: "completed" },
    ]);

    const noShow = await book(alice, mine, hoursFromNow(-60));
    await alice.expect(200, "POST", `/api/appointments/${noShow.id}/status`, { status: "no_show" });
    const late = await book(alice, mine, hoursFromNow(30));
    await alice.expect(200, "POST", `/api/appointments/${late.id}/status`, { status: "late_cancel" });
    const future = await book(alice, mine, hoursFromNow(130));
    for (const status of ["completed", "no_show"]) {
      await expectError((await alice.send("POST", `/api/appointments/${future.id}/status`, { status })).response, 409);
    }

    const record = await alice.expect<Contact>(200, "GET", `/api/contacts/${client.id}`);
    expect(record.lastVisitAt).toBe(past.startsAt);
    const summary = await alice.expect<ContactAppointments>(200, "GET", `/api/contacts/${client.id}/appointments`);
    expect(summary.counts).toEqual({ completed: 1, noShow: 1, lateCancel: 1 });
    expect(summary.upcoming.map((item) => item.id)).toEqual([future.id]);
    expect(summary.past.map((item) => item.id)).toEqual([late.id, past.id, noShow.id]);
    expect(summary.lastVisitAt).toBe(past.startsAt);
    expect(summary.nextVisitAt).toBe(future.startsAt);
  });
});

describe("hostile input", () => {
  it("is refused with the one JSON error shape", async () => {
    const good = { contactId: setup.client.id, sessionTypeId: setup.sessionType.id, startsAt: hoursFromNow(200) };
    for (const body of [
      {},
      { ...good, contactId: "not-a-uuid" },
      { ...good, sessionTypeId: "' or 1=1 --" },
      { ...good, startsAt: "tomorrow" },
      { ...good, startsAt: "2026-02-30T10:00:00Z" },
      { ...good, startsAt: "10000-01-01T00:00:00Z" },
      { ...good, startsAt: "2026-12-01T10:00:00" },
      { ...good, endsAt: good.startsAt },
      { ...good, endsAt: plusMinutes(good.startsAt, 25 * 60) },
      { ...good, notes: "x".repeat(2001) },
      { ...good, notes: "nul\u0000" },
      { ...good, status: "completed" },
      { ...good, userId: alice.id },
      { ...good, idempotencyKey: "" },
      [],
      "plain text",
    ]) {
      const sent = await alice.send("POST", "/api/appointments", body);
      expect([400, 422], JSON.stringify(body)).toContain(sent.status);
      await expectError(sent.response, sent.status);
    }
    for (const query of [
      "",
      "from=yesterday&to=today",
      `from=${encodeURIComponent(hoursFromNow(10))}&to=${encodeURIComponent(hoursFromNow(0))}`,
      `from=${encodeURIComponent(hoursFromNow(0))}&to=${encodeURIComponent(hoursFromNow(24 * 101))}`,
    ]) {
      await expectError((await alice.send("GET", `/api/appointments?${query}`)).response, 422);
    }
    const booked = await book(alice, setup, good.startsAt);
    for (const [url, body] of [
      [`/api/appointments/${booked.id}/status`, { status: "scheduled" }],
      [`/api/appointments/${booked.id}/status`, { status: "deleted" }],
      [`/api/appointments/${booked.id}/status`, {}],
      ["/api/appointments/not-an-id/status", { status: "confirmed" }],
    ] as const) {
      await expectError((await alice.send("POST", url, body)).response, 422);
    }
    await expectError(
      (await alice.send("PATCH", `/api/appointments/${booked.id}`, { contactId: setup.client.id })).response,
      422,
    );
    await expectError(
      (
        await alice.send("POST", "/api/appointments", {
          ...good,
          contactId: crypto.randomUUID(),
          startsAt: hoursFromNow(400),
        })
      ).response,
      404,
    );
    const archived = await alice.expect<{ id: string }>(201, "POST", "/api/session-types", {
      name: "Old",
      durationMinutes: 30,
      archived: true,
    });
    await expectError(
      (
        await alice.send("POST", "/api/appointments", {
          ...good,
          sessionTypeId: archived.id,
          startsAt: hoursFromNow(300),
        })
      ).response,
      409,
    );
    // A type with appointments cannot be deleted: archive it instead.
    await expectError((await alice.send("DELETE", `/api/session-types/${setup.sessionType.id}`)).response, 409);
  });
});
