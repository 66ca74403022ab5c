import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { ContactListResponse } from "@/lib/contracts/contact-list";
import { contactSchema, updateContactInput, type Contact } from "@/lib/contracts/contacts";
import { getDatabase } from "@/server/db";
import { seedClients } from "../../../scripts/seed/seed-client-records";
import { ensureSeedPractitioners, SEED_PASSWORD } from "../../../scripts/seed/seed-practitioners";
import { TestBrowser } from "../../support/test-browser";
import { loadClientRecordsApi, Practitioner, systemRows, type ClientRecordsApi } from "./client-records-api";

let api: ClientRecordsApi;

beforeAll(async () => {
  api = await loadClientRecordsApi();
});

describe("db:seed", () => {
  it("adds practitioners who can sign in, and clients, tags and notes the API serves and the forms accept", async () => {
    const { sql: database } = await getDatabase();
    const [first, second] = await ensureSeedPractitioners(database, 2);
    expect(await ensureSeedPractitioners(database, 1)).toEqual([first]);
    const counts = await seedClients(database, {
      userId: first?.id ?? "",
      contacts: 250,
      maxNotesPerClient: 2,
      batchSize: 100,
    });
    await seedClients(database, { userId: second?.id ?? "", contacts: 20, maxNotesPerClient: 0, batchSize: 100 });
    expect(counts.contacts).toBe(250);
    expect(counts.duplicates).toBe(3);
    expect(counts.tagLinks).toBeGreaterThan(100);
    expect(counts.notes).toBeGreaterThan(100);
    expect(counts.intakeArrivals).toBe(3);
    const [stored] = await systemRows<{ notes: number; stages: number; dismissals: number }>(sql`
      select (select count(*) from public.notes where user_id = ${first?.id})::int as notes,
             (select count(distinct lifecycle_stage) from public.contacts where user_id = ${first?.id})::int as stages,
             (select count(*) from public.contact_duplicate_dismissals where user_id = ${first?.id})::int as dismissals`);
    expect(stored).toEqual({ notes: counts.notes, stages: 7, dismissals: counts.dismissals });

    const browser = new TestBrowser();
    const signIn = await browser.send(api.auth.signIn, "POST", "/api/auth/sign-in", {
      body: { email: first?.email, password: SEED_PASSWORD },
    });
    expect(signIn.status).toBe(200);
    const practitioner = new Practitioner(api, browser, first?.id ?? "");
    expect(await practitioner.expect(200, "GET", "/api/contacts/count")).toEqual({ count: 253 });
    const pairs = await practitioner.expect<{ pairs: { reasons: string[] }[] }>(200, "GET", "/api/contacts/duplicates");
    expect(pairs.pairs.filter((pair) => pair.reasons.includes("email"))).toHaveLength(3 - counts.dismissals);
    const page = await practitioner.expect<ContactListResponse>(200, "GET", "/api/contacts?limit=100");
    for (const summary of page.items.slice(0, 25)) {
      const contact = contactSchema.parse(
        await practitioner.expect<Contact>(200, "GET", `/api/contacts/${summary.id}`),
      );
      const {
        id: _id,
        tags: _tags,
        createdAt: _c,
        updatedAt: _u,
        photoPath: _p,
        source: _s,
        newFromIntake: _n,
        ...editable
      } = contact;
      expect(updateContactInput.safeParse(editable).error?.issues ?? []).toEqual([]);
    }
  });
});
