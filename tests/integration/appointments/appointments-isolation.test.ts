import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Appointment } from "@/lib/contracts/appointments";
import { expectError } from "../auth/fixtures";
import {
  loadClientRecordsApi,
  signUpPractitioner,
  systemRows,
  type Practitioner,
} from "../contacts/client-records-api";
import { book, bookingSetup, hoursFromNow, plusMinutes } from "./appointments-fixtures";

let alice: Practitioner;
let bob: Practitioner;
let alices: Awaited<ReturnType<typeof bookingSetup>>;
let bobs: Awaited<ReturnType<typeof bookingSetup>>;
let appointment: Appointment;

const snapshot = () => systemRows(sql`select * from public.appointments where user_id = ${alice.id} order by id`);

beforeAll(async () => {
  const api = await loadClientRecordsApi();
  alice = await signUpPractitioner(api, "Alice");
  bob = await signUpPractitioner(api, "Bob");
  alices = await bookingSetup(alice);
  bobs = await bookingSetup(bob);
  appointment = await book(alice, alices, hoursFromNow(24));
});

describe("a second practitioner and the first one's appointments", () => {
  it("gets 404 for every id-taking endpoint and sees nothing in ranges; nothing changes", async () => {
    const before = await snapshot();
    for (const [method, url, body] of [
      ["PATCH", `/api/appointments/${appointment.id}`, { startsAt: hoursFromNow(30) }],
      ["PATCH", `/api/appointments/${appointment.id}`, { notes: "Hijacked" }],
      ["POST", `/api/appointments/${appointment.id}/status`, { status: "cancelled_by_practitioner" }],
      ["GET", `/api/contacts/${alices.client.id}/appointments`, undefined],
      // Booking with the first one's client or session type.
      [
        "POST",
        "/api/appointments",
        { contactId: alices.client.id, sessionTypeId: bobs.sessionType.id, startsAt: hoursFromNow(50) },
      ],
      [
        "POST",
        "/api/appointments",
        { contactId: bobs.client.id, sessionTypeId: alices.sessionType.id, startsAt: hoursFromNow(50) },
      ],
    ] as const) {
      const error = await expectError((await bob.send(method, url, body)).response, 404);
      expect(error.message).not.toContain("Rosa");
    }
    const range = `from=${encodeURIComponent(hoursFromNow(0))}&to=${encodeURIComponent(hoursFromNow(48))}`;
    expect(await bob.expect(200, "GET", `/api/appointments?${range}`)).toEqual({ items: [] });
    expect(await snapshot()).toEqual(before);
    // Bob's own calendar is his: the same slot is free for him.
    await book(bob, bobs, appointment.startsAt);
  });

  it("under row level security reads, changes and plants nothing of theirs", async () => {
    const before = await snapshot();
    for (const statement of [
      sql`select id from public.appointments where id = ${appointment.id}`,
      sql`select id from public.appointments where user_id = ${alice.id}`,
      sql`update public.appointments set status = 'cancelled_by_client' where id = ${appointment.id} returning id`,
      sql`delete from public.appointments where id = ${appointment.id} returning id`,
    ]) {
      expect(await bob.sql(statement)).toEqual([]);
    }
    for (const statement of [
      sql`insert into public.appointments (user_id, contact_id, session_type_id, starts_at, ends_at)
          values (${alice.id}, ${alices.client.id}, ${alices.sessionType.id}, now() + interval '9 days', now() + interval '9 days 1 hour')`,
      sql`insert into public.appointments (user_id, contact_id, session_type_id, starts_at, ends_at)
          values (${bob.id}, ${alices.client.id}, ${bobs.sessionType.id}, now() + interval '9 days', now() + interval '9 days 1 hour')`,
      sql`insert into public.appointments (user_id, contact_id, session_type_id, starts_at, ends_at)
          values (${bob.id}, ${bobs.client.id}, ${alices.sessionType.id}, now() + interval '9 days', now() + interval '9 days 1 hour')`,
      sql`update public.appointments set user_id = ${alice.id} where user_id = ${bob.id}`,
    ]) {
      await expect(bob.sql(statement)).rejects.toThrow();
    }
    expect(await snapshot()).toEqual(before);
  });

  it("the exclusion constraint holds in SQL too, whatever the app checks", async () => {
    await expect(
      alice.sql(sql`insert into public.appointments (user_id, contact_id, session_type_id, starts_at, ends_at, buffer_after_minutes)
          values (${alice.id}, ${alices.client.id}, ${alices.sessionType.id}, ${plusMinutes(appointment.startsAt, -30)}, ${appointment.startsAt}, 5)`),
    ).rejects.toThrow();
    // A cancelled row may share the time.
    const [row] = await alice.sql<{ id: string }>(
      sql`insert into public.appointments (user_id, contact_id, session_type_id, starts_at, ends_at, status)
          values (${alice.id}, ${alices.client.id}, ${alices.sessionType.id}, ${appointment.startsAt}, ${appointment.endsAt}, 'cancelled_by_client') returning id`,
    );
    expect(row?.id).toBeDefined();
  });
});
