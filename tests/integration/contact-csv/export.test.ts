import { beforeAll, describe, expect, it } from "vitest";
import type { Contact } from "@/lib/contracts/contacts";
import type { Tag } from "@/lib/contracts/tags";
import { CSV_COLUMNS } from "@/lib/csv-columns";
import {
  exportCsv,
  importResult,
  jsonError,
  loadCsvApp,
  send,
  uploadRequest,
  type CsvApp,
  type Practitioner,
} from "./csv-app";

let app: CsvApp;
let alice: Practitioner;
let bob: Practitioner;
let eve: Contact;
let vip: Tag;

beforeAll(async () => {
  app = await loadCsvApp();
  alice = await app.signUp("Alice");
  bob = await app.signUp("Bob");
  vip = await alice.expect<Tag>(201, "POST", "/api/tags", { name: 'V;I"P' });
  eve = await alice.expect<Contact>(201, "POST", "/api/contacts", {
    displayName: '=HYPERLINK("http://evil.example","Click")',
    email: "eve@example.com",
    phone: "+1 555 0100",
    referralSource: "@SUM(1+1)",
    lifecycleStage: "VIP Client",
    address: { line1: 'Flat 2, "The Mews"\nBack door', city: "-Oakland" },
    healthContext: { allergies: ["nuts; peanuts", "=cmd"], notes: "\tTabbed" },
    preferences: { remindersOptIn: false, preferredChannel: "sms" },
  });
  await alice.expect(200, "POST", "/api/contacts/bulk-tag", { ids: [eve.id], tagIds: [vip.id] });
  await alice.expect(201, "POST", "/api/contacts", { displayName: "Plain Paula", lifecycleStage: "Prospect" });
  await bob.expect(201, "POST", "/api/contacts", { displayName: "Bob's Client", email: "bobs@example.com" });
});

describe("exporting clients", () => {
  it("streams RFC 4180 CSV as a dated attachment: a header of every column, CRLF records, quotes doubled", async () => {
    const exported = await exportCsv(app, alice);
    const { response, text } = exported;
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="clients-${new Date().toISOString().slice(0, 10)}.csv"`,
    );
    expect(text.startsWith(`\ufeff${CSV_COLUMNS.map((column) => column.header).join(",")}\r\n`)).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text).toContain('"\'=HYPERLINK(""http://evil.example"",""Click"")"');
    expect(text).toContain('"Flat 2, ""The Mews""\nBack door"');
    expect(exported.records.map((record) => record["Display name"])).toEqual([
      '\'=HYPERLINK("http://evil.example","Click")',
      "Plain Paula",
    ]);
  });

  it("neutralises formula cells and writes every field, tags and flattened JSON included", async () => {
    const { records } = await exportCsv(app, alice, "?stage=VIP%20Client");
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      ID: eve.id,
      Email: "eve@example.com",
      Phone: "'+1 555 0100",
      "Referral source": "'@SUM(1+1)",
      "Lifecycle stage": "VIP Client",
      Source: "manual",
      Tags: 'V\\;I"P',
      "Address line 1": 'Flat 2, "The Mews"\nBack door',
      "Address city": "'-Oakland",
      "Health allergies": "nuts\\; peanuts; =cmd",
      "Health notes": "Tabbed",
      "Preferences reminders opt-in": "no",
      "Preferences preferred channel": "sms",
      "Created at": eve.createdAt,
      "Updated at": expect.any(String) as string,
      "Last visit at": "",
    });
  });

  it("applies the list's filters and search, and exports only the caller's clients", async () => {
    const names = async (practitioner: Practitioner, query: string) =>
      (await exportCsv(app, practitioner, query)).records.map((record) => record["Display name"]);
    expect(await names(alice, "?stage=Prospect")).toEqual(["Plain Paula"]);
    expect(await names(alice, `?tag=${vip.id}`)).toHaveLength(1);
    expect(await names(alice, "?hasEmail=false")).toEqual(["Plain Paula"]);
    expect(await names(alice, "?q=paula")).toEqual(["Plain Paula"]);
    expect(await names(alice, "?sort=name&order=desc")).toEqual(["Plain Paula", expect.stringContaining("HYPERLINK")]);
    expect(await names(alice, "?q=bob")).toEqual([]);
    expect(await names(bob, "")).toEqual(["Bob's Client"]);
    expect(await names(bob, `?tag=${vip.id}`)).toEqual([]);
  });

  it("answers 4xx JSON for a bad filter before any CSV is sent", async () => {
    for (const query of ["?stage=Gold", "?tag=not-a-uuid", "?sort=relevance", "?createdFrom=yesterday"]) {
      const request = alice.browser.request("GET", `/api/contacts/export${query}`);
      await jsonError(await send(alice, app.routes.exportCsv, request), 422);
    }
  });

  it("pages through thousands of clients, each once, in the list's order", async () => {
    const carol = await app.signUp("Carol");
    const rows = Array.from(
      { length: 1_234 },
      (_, index) => `Client ${String(index).padStart(4, "0")},c${index}@example.com`,
    );
    await importResult(
      await send(
        carol,
        app.routes.importCsv,
        uploadRequest(carol, "/api/contacts/import", { file: `Name,Email\n${rows.join("\n")}\n` }),
      ),
    );
    const { records, response } = await exportCsv(app, carol);
    expect(response.body).toBeInstanceOf(ReadableStream);
    expect(records.map((record) => `${record["Display name"]},${record.Email}`)).toEqual(rows);
  });
});
