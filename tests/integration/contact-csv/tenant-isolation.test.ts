import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { csvDryRunResponse } from "@/lib/contracts/contact-csv";
import type { Contact } from "@/lib/contracts/contacts";
import type { Tag } from "@/lib/contracts/tags";
import {
  csvText,
  exportCsv,
  importResult,
  loadCsvApp,
  send,
  snapshotOf,
  systemRows,
  uploadRequest,
  type CsvApp,
  type Practitioner,
} from "./csv-app";

let app: CsvApp;
let alice: Practitioner;
let bob: Practitioner;
let bobsClient: Contact;
let bobsTag: Tag;

beforeAll(async () => {
  app = await loadCsvApp();
  alice = await app.signUp("Alice");
  bob = await app.signUp("Bob");
  bobsClient = await bob.expect<Contact>(201, "POST", "/api/contacts", {
    displayName: "Bob's Client",
    email: "shared@example.com",
    phone: "555 0100",
  });
  bobsTag = await bob.expect<Tag>(201, "POST", "/api/tags", { name: "VIP" });
  await bob.expect(200, "POST", "/api/contacts/bulk-tag", { ids: [bobsClient.id], tagIds: [bobsTag.id] });
});

/** A file naming Bob's client by id, email and phone, and Bob's tag by name. */
const file = () =>
  csvText([
    ["ID", "Display name", "Email", "Phone", "Tags"],
    [bobsClient.id, "Taken Over", "shared@example.com", "555 0100", "VIP"],
    [bobsClient.id, "Same Id Again", "other@example.com", "", bobsTag.id],
  ]);

describe("a CSV carrying another practitioner's ids, emails and tags", () => {
  it("finds no duplicates among their clients", async () => {
    const response = await send(
      alice,
      app.routes.dryRun,
      uploadRequest(alice, "/api/contacts/import/dry-run", {
        file: file(),
        options: { defaultDuplicateAction: "merge" },
      }),
    );
    expect(response.status).toBe(200);
    const report = csvDryRunResponse.parse(await response.json());
    expect(report.duplicates).toEqual([]);
    expect(report.summary).toEqual({ create: 2, merge: 0, skipDuplicate: 0, skipInvalid: 0 });
  });

  it("creates the importer's own clients and tags and leaves the other practitioner's untouched", async () => {
    const bobBefore = await snapshotOf(bob.id);
    const { result } = await importResult(
      await send(
        alice,
        app.routes.importCsv,
        uploadRequest(alice, "/api/contacts/import", { file: file(), options: { defaultDuplicateAction: "merge" } }),
      ),
    );
    expect(result.created.map((created) => created.displayName)).toEqual(["Taken Over", "Same Id Again"]);
    expect(result.created.map((created) => created.contactId)).not.toContain(bobsClient.id);
    expect(await snapshotOf(bob.id)).toEqual(bobBefore);

    const aliceTags = await alice.sql<{ id: string; name: string }>(sql`select id, name from public.tags`);
    expect(aliceTags.map((tag) => tag.name).sort()).toEqual([bobsTag.id, "VIP"].sort());
    expect(aliceTags.map((tag) => tag.id)).not.toContain(bobsTag.id);
    const links = await systemRows<{ user_id: string }>(
      sql`select distinct ct.user_id from public.contact_tags ct join public.tags t on t.id = ct.tag_id where t.user_id = ${alice.id}`,
    );
    expect(links).toEqual([{ user_id: alice.id }]);
  });

  it("keeps each practitioner's export and row-level view to their own clients", async () => {
    const aliceExport = await exportCsv(app, alice);
    expect(aliceExport.records.map((record) => record["Display name"]).sort()).toEqual(["Same Id Again", "Taken Over"]);
    expect(aliceExport.text).not.toContain(bobsClient.id);
    expect((await exportCsv(app, alice, `?tag=${bobsTag.id}`)).records).toEqual([]);
    expect((await exportCsv(app, bob)).records.map((record) => record.ID)).toEqual([bobsClient.id]);
    const seenByBob = await bob.sql(
      sql`select id from public.contacts where display_name in ('Taken Over', 'Same Id Again')`,
    );
    expect(seenByBob).toEqual([]);
  });
});
