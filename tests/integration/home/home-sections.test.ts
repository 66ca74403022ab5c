import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Contact } from "@/lib/contracts/contacts";
import { HOME_SECTION_IDS } from "@/lib/contracts/home";
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

const home = () => import("@/server/services/home");

describe("home sections", () => {
  it("every section loads for a new practitioner, each empty", async () => {
    const { loadHomeSection } = await home();
    const loaded = await Promise.all(HOME_SECTION_IDS.map((id) => loadHomeSection({ userId: alice.id }, id)));
    expect(loaded).toMatchObject([
      { items: [] },
      { items: [], pause: null },
      { unreadNotifications: [], unreadCount: 0, newFromIntake: [], newFromIntakeCount: 0 },
      { items: [] },
    ]);
  });

  it("show only the practitioner's own clients, notifications and intake arrivals", async () => {
    const { loadHomeSection } = await home();
    const names = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth"];
    const clients: Contact[] = [];
    for (const displayName of names) {
      clients.push(await alice.expect<Contact>(201, "POST", "/api/contacts", { displayName }));
    }
    await bob.expect(201, "POST", "/api/contacts", { displayName: "Bob's client" });
    const [first, second] = clients;
    await systemRows(
      sql`update public.contacts set new_from_intake_at = now() where id in (${first?.id}, ${second?.id})`,
    );
    await systemRows(sql`insert into public.notifications (user_id, kind, data, contact_id, dedupe_key)
      values (${alice.id}, 'intake.submitted', ${JSON.stringify({ contactId: first?.id, firstName: "First" })}::jsonb,
              ${first?.id}, 'one')`);

    const recent = await loadHomeSection({ userId: alice.id }, "recent-clients");
    // The five changed last, newest first.
    expect(recent.items.map((item) => item.displayName)).toEqual(["Sixth", "Fifth", "Fourth", "Third", "Second"]);
    const attention = await loadHomeSection({ userId: alice.id }, "attention");
    expect(attention.newFromIntakeCount).toBe(2);
    expect(attention.newFromIntake.map((client) => client.displayName).sort()).toEqual(["First", "Second"]);
    expect(attention.unreadCount).toBe(1);
    expect(attention.unreadNotifications).toMatchObject([
      { title: "A new intake form from First arrived", href: `/clients/${first?.id}` },
    ]);

    expect((await loadHomeSection({ userId: bob.id }, "recent-clients")).items.map((item) => item.displayName)).toEqual(
      ["Bob's client"],
    );
    expect(await loadHomeSection({ userId: bob.id }, "attention")).toMatchObject({
      unreadCount: 0,
      newFromIntakeCount: 0,
      unreadNotifications: [],
    });
  });

  it("greet by the practitioner's day and clock", async () => {
    const { readHomeGreeting } = await home();
    await alice.expect(200, "PATCH", "/api/profile", { timeZone: "Asia/Tokyo", dayStartHour: 4 });
    // 02:30 in Tokyo on 8 December is still the 7th when the day starts at 4, and it is evening.
    const late = await readHomeGreeting(
      { userId: alice.id, displayName: "Alice Example" },
      new Date("2026-12-07T17:30:00Z"),
    );
    expect(late).toEqual({ displayName: "Alice Example", today: "2026-12-07", partOfDay: "evening" });
    const morning = await readHomeGreeting(
      { userId: alice.id, displayName: "Alice Example" },
      new Date("2026-12-07T23:30:00Z"),
    );
    expect(morning).toMatchObject({ today: "2026-12-08", partOfDay: "morning" });
  });
});
