import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { csvDryRunResponse, csvPreviewResponse } from "@/lib/contracts/contact-csv";
import type { Contact } from "@/lib/contracts/contacts";
import {
  contactCount,
  fixture,
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
let existing: Contact;

beforeAll(async () => {
  app = await loadCsvApp();
  alice = await app.signUp("Alice");
  existing = await alice.expect<Contact>(201, "POST", "/api/contacts", {
    displayName: "Existing Twin",
    email: "Existing@Example.com",
    lifecycleStage: "VIP Client",
    address: { city: "Oakland" },
  });
});

const DRY_RUN_MAPPING = ["displayName", "email", "phone", "lifecycleStage", "tags"];

describe("the import steps", () => {
  it("previews a semicolon file with a byte order mark: headers, first rows with quoted line breaks, suggestions", async () => {
    const response = await send(
      alice,
      app.routes.preview,
      uploadRequest(alice, "/api/contacts/import/preview", {
        file: fixture("semicolon-bom.csv"),
        fileName: "export.csv",
      }),
    );
    expect(response.status).toBe(200);
    const preview = csvPreviewResponse.parse(await response.json());
    expect(preview).toEqual({
      fileName: "export.csv",
      format: "csv",
      delimiter: ";",
      headers: ["Nom complet", "E-mail", "Téléphone", "Notes de séance", "Ville"],
      sampleRows: [
        {
          row: 2,
          cells: ["Zoë Dubois", "zoe@example.com", "+33 6 12 34 56 78", "Préfère le matin\r\nPas d'huiles", "Lyon"],
        },
        { row: 3, cells: ["Renée Faure", "renee@example.com", "06 98 76 54 32", "", "Paris"] },
      ],
      rowCount: 2,
      suggestedMapping: [null, "email", "phone", null, null],
    });
  });

  it("dry-runs without writing: errors by row and field, duplicates in the file and on file, counts", async () => {
    const before = await snapshotOf(alice.id);
    const response = await send(
      alice,
      app.routes.dryRun,
      uploadRequest(alice, "/api/contacts/import/dry-run", {
        file: fixture("dry-run.csv"),
        options: { mapping: DRY_RUN_MAPPING, duplicateActions: { "5": "merge" } },
      }),
    );
    expect(response.status).toBe(200);
    const report = csvDryRunResponse.parse(await response.json());
    expect(report.rowCount).toBe(6);
    expect(report.errors).toEqual([
      { row: 6, field: "lifecycleStage", column: "Stage", message: expect.any(String) as string },
      { row: 6, field: "email", column: "Email", message: "Enter a valid email address" },
    ]);
    expect(report.duplicates).toEqual([
      { row: 3, displayName: "Maya L.", matchedOn: "email", target: { kind: "row", row: 2 }, action: "skip" },
      {
        row: 5,
        displayName: "Existing Twin",
        matchedOn: "email",
        target: {
          kind: "existing",
          contactId: existing.id,
          displayName: "Existing Twin",
          email: "Existing@Example.com",
          phone: null,
        },
        action: "merge",
      },
    ]);
    expect(report.summary).toEqual({ create: 3, merge: 1, skipDuplicate: 1, skipInvalid: 1 });
    expect(await snapshotOf(alice.id)).toEqual(before);
  });

  it("imports in one transaction, streaming progress, and lists created, merged and skipped rows with reasons", async () => {
    const { events, result } = await importResult(
      await send(
        alice,
        app.routes.importCsv,
        uploadRequest(alice, "/api/contacts/import", {
          file: fixture("dry-run.csv"),
          options: { mapping: DRY_RUN_MAPPING, duplicateActions: { "3": "merge", "5": "merge" } },
        }),
      ),
    );
    const progress = events.filter((event) => event.type === "progress");
    expect(progress[0]).toEqual({ type: "progress", done: 0, total: 4 });
    expect(progress.at(-1)).toEqual({ type: "progress", done: 4, total: 4 });
    expect(result.created.map(({ row, displayName }) => [row, displayName])).toEqual([
      [2, "Maya Lin"],
      [4, "Sam Lee"],
      [7, "Dee Ray"],
    ]);
    const maya = result.created[0]?.contactId;
    expect(result.merged).toEqual([
      {
        row: 3,
        contactId: maya,
        displayName: "Maya Lin",
        matchedOn: "email",
        intoRow: 2,
        filledFields: [],
        tagsAdded: ["Prenatal"],
      },
      {
        row: 5,
        contactId: existing.id,
        displayName: "Existing Twin",
        matchedOn: "email",
        intoRow: null,
        filledFields: [],
        tagsAdded: [],
      },
    ]);
    expect(result.skipped).toEqual([
      { row: 6, reason: expect.stringMatching(/^Stage: .*; Email: Enter a valid email address$/) as string },
    ]);

    const mayaRecord = await alice.expect<Contact>(200, "GET", `/api/contacts/${maya}`);
    expect(mayaRecord).toMatchObject({ source: "import", lifecycleStage: "Core Client", phone: "415 555 0134" });
    expect(mayaRecord.tags.map((tag) => tag.name)).toEqual(["Prenatal", "VIP"]);
    // Tags the import creates come out in distinct colours, not all one grey.
    expect(new Set(mayaRecord.tags.map((tag) => tag.color)).size).toBe(2);
    expect(await alice.expect<Contact>(200, "GET", `/api/contacts/${existing.id}`)).toEqual(existing);
    expect(await contactCount(alice.id)).toBe(4);
  });

  it("merges fill only the empty fields of the client on file, and add the row's tags", async () => {
    const file =
      "Name,Email,Phone,Stage,Address city,Address country,Tags\nTwin Again,existing@example.com,555 0100,Prospect,Berkeley,US,Regular\n";
    const { result } = await importResult(
      await send(
        alice,
        app.routes.importCsv,
        uploadRequest(alice, "/api/contacts/import", { file, options: { defaultDuplicateAction: "merge" } }),
      ),
    );
    expect(result.merged).toEqual([
      expect.objectContaining({
        row: 2,
        contactId: existing.id,
        filledFields: ["phone", "address.country"],
        tagsAdded: ["Regular"],
      }),
    ]);
    const merged = await alice.expect<Contact>(200, "GET", `/api/contacts/${existing.id}`);
    expect(merged).toMatchObject({
      displayName: "Existing Twin",
      email: "Existing@Example.com",
      phone: "555 0100",
      lifecycleStage: "VIP Client",
      address: { city: "Oakland", country: "US" },
    });
    expect(merged.tags.map((tag) => tag.name)).toEqual(["Regular"]);
    expect(Date.parse(merged.updatedAt)).toBeGreaterThan(Date.parse(existing.updatedAt));
  });

  it("reuses a tag of the same name in any letter case instead of making another", async () => {
    const { result } = await importResult(
      await send(
        alice,
        app.routes.importCsv,
        uploadRequest(alice, "/api/contacts/import", { file: "Name,Tags\nNew One,vip; REGULAR; vip\n" }),
      ),
    );
    expect(result.created).toHaveLength(1);
    const tags = await systemRows<{ name: string }>(
      sql`select name from public.tags where user_id = ${alice.id} order by lower(name)`,
    );
    expect(tags.map((tag) => tag.name)).toEqual(["Prenatal", "Regular", "VIP"]);
  });
});
