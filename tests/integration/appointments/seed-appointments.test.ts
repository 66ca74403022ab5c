import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Appointment } from "@/lib/contracts/appointments";
import type { Contact } from "@/lib/contracts/contacts";
import { getDatabase } from "@/server/db";
import { seedAppointments } from "../../../scripts/seed/seed-appointments";
import { loadClientRecordsApi, signUpPractitioner, type Practitioner } from "../contacts/client-records-api";

let alice: Practitioner;

beforeAll(async () => {
  const api = await loadClientRecordsApi();
  alice = await signUpPractitioner(api, "Alice");
});

describe("db:seed appointments", () => {
  it("adds session types and a calendar the API serves, with completed visits on the clients, and adds nothing on a second run", async () => {
    const clients = await Promise.all(
      ["One", "Two", "Three"].map((displayName) =>
        alice.expect<Contact>(201, "POST", "/api/contacts", { displayName }),
      ),
    );
    const { sql: database } = await getDatabase();
    const booked = await seedAppointments(database, alice.id);
    expect(booked).toBeGreaterThan(100);
    expect(await seedAppointments(database, alice.id)).toBe(0);
    const types = await alice.expect<{ items: unknown[] }>(200, "GET", "/api/session-types");
    expect(types.items).toHaveLength(3);
    const from = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const week = await alice.expect<{ items: Appointment[] }>(
      200,
      "GET",
      `/api/appointments?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    );
    expect(week.items.length).toBeGreaterThan(20);
    const statuses = await alice.sql<{ status: string }>(
      sql`select distinct status from public.appointments order by 1`,
    );
    expect(statuses.map((row) => row.status)).toEqual(["completed", "late_cancel", "no_show", "scheduled"]);
    const record = await alice.expect<Contact>(200, "GET", `/api/contacts/${clients[0]?.id}`);
    expect(record.lastVisitAt).not.toBeNull();
  });
});
