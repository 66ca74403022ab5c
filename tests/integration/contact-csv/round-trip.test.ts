import { beforeAll, describe, expect, it } from "vitest";
import type { Contact } from "@/lib/contracts/contacts";
import type { Tag } from "@/lib/contracts/tags";
import {
  contactCount,
  exportCsv,
  importResult,
  loadCsvApp,
  send,
  uploadRequest,
  type CsvApp,
  type Practitioner,
} from "./csv-app";

let app: CsvApp;
let alice: Practitioner;

/** Clients using every field, with values that trouble CSV files and spreadsheets. */
const CLIENTS = [
  {
    displayName: "Maya Lin",
    firstName: "Maya",
    lastName: "Lin",
    email: "Maya.Lin@Example.com",
    phone: "+1 (415) 555-0134",
    pronouns: "she/her",
    dateOfBirth: "1988-02-29",
    source: "intake",
    referralSource: 'Dr. Patel, "Sunrise" clinic',
    lifecycleStage: "Core Client",
    address: {
      line1: "1 Market St\nUnit 5",
      line2: "c/o Lin",
      city: "San Francisco",
      region: "CA",
      postalCode: "94105",
      country: "US",
    },
    emergencyContact: { name: "Sam Lin", relation: "brother", phone: "415-555-0199" },
    healthContext: {
      conditions: ["lower back pain", "sciatica; left side"],
      allergies: ["lavender oil"],
      medications: ["ibuprofen \\ as needed"],
      contraindications: ["no deep tissue on left calf"],
      notes: "Prefers side-lying,\r\nquiet room",
    },
    preferences: { sessionNotes: "Warm table", preferredChannel: "sms", remindersOptIn: true },
    lastVisitAt: "2024-03-01T10:30:00+01:00",
  },
  {
    displayName: '=HYPERLINK("http://evil.example","Click")',
    email: "eve@example.com",
    phone: "-555 0100",
    referralSource: "@SUM(1+1)",
    lifecycleStage: "At Risk Client",
    address: { city: "+Oakland" },
    healthContext: { allergies: ["=cmd|' /C calc'!A0"] },
    preferences: { remindersOptIn: false },
  },
  { displayName: "'=Already guarded", email: "guarded@example.com", lifecycleStage: "Prospect" },
  { displayName: "Zoë Dubois 🙂", phone: "06 12 34 56 78", source: "gmail", dateOfBirth: "1900-01-01" },
  { displayName: "Bare Minimum" },
];

const compared = (record: Record<string, string>) => {
  const { ID: _id, "Updated at": _updated, ...rest } = record;
  return rest;
};

beforeAll(async () => {
  app = await loadCsvApp();
  alice = await app.signUp("Alice");
  const tags = [
    await alice.expect<Tag>(201, "POST", "/api/tags", { name: "VIP" }),
    await alice.expect<Tag>(201, "POST", "/api/tags", { name: "Sports; Rehab" }),
  ];
  for (const [index, client] of CLIENTS.entries()) {
    const created = await alice.expect<Contact>(201, "POST", "/api/contacts", client);
    const tagIds = tags.slice(0, index % 3).map((tag) => tag.id);
    if (tagIds.length > 0) await alice.expect(200, "POST", "/api/contacts/bulk-tag", { ids: [created.id], tagIds });
  }
});

describe("export, then import into an empty account", () => {
  it("yields the same clients, every field", async () => {
    const original = await exportCsv(app, alice);
    expect(original.records).toHaveLength(CLIENTS.length);

    const bob = await app.signUp("Bob");
    expect(await contactCount(bob.id)).toBe(0);
    const { result } = await importResult(
      await send(
        bob,
        app.routes.importCsv,
        uploadRequest(bob, "/api/contacts/import", { file: original.text, fileName: "clients.csv" }),
      ),
    );
    expect(result.merged).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.created).toHaveLength(CLIENTS.length);

    const copy = await exportCsv(app, bob);
    expect(copy.headers).toEqual(original.headers);
    expect(copy.records.map(compared)).toEqual(original.records.map(compared));
    expect(new Set(copy.records.map((record) => record.ID))).not.toContain(original.records[0]?.ID);

    const aliceMaya = (await alice.expect<{ items: Contact[] }>(200, "GET", "/api/contacts?q=Maya")).items[0];
    const bobMaya = (await bob.expect<{ items: Contact[] }>(200, "GET", "/api/contacts?q=Maya")).items[0];
    const full = async (practitioner: Practitioner, id: string | undefined) => {
      const {
        id: _id,
        updatedAt: _updated,
        tags,
        ...fields
      } = await practitioner.expect<Contact>(200, "GET", `/api/contacts/${id}`);
      return { ...fields, tags: tags.map((tag) => tag.name) };
    };
    expect(await full(bob, bobMaya?.id)).toEqual(await full(alice, aliceMaya?.id));
  });
});
