import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { CSV_IMPORT_LIMITS, csvDryRunResponse, csvPreviewResponse } from "@/lib/contracts/contact-csv";
import type { Contact } from "@/lib/contracts/contacts";
import {
  contactCount,
  importResult,
  jsonError,
  loadCsvApp,
  send,
  snapshotOf,
  systemRows,
  uploadRequest,
  type CsvApp,
  type CsvRoutes,
  type Practitioner,
  type Upload,
} from "./csv-app";

const ADDRESS_BOOKS = path.resolve(import.meta.dirname, "../../fixtures/contacts");
const addressBook = (name: string) => fs.readFileSync(path.join(ADDRESS_BOOKS, name));

let app: CsvApp;

beforeAll(async () => {
  app = await loadCsvApp();
});

async function importFile(practitioner: Practitioner, upload: Upload) {
  return importResult(
    await send(practitioner, app.routes.importCsv, uploadRequest(practitioner, "/api/contacts/import", upload)),
  );
}

/** Every client of the practitioner with its tags, keyed by display name, read back through the API. */
async function clientsOf(practitioner: Practitioner): Promise<Map<string, Contact>> {
  const rows = await systemRows<{ id: string }>(
    sql`select id from public.contacts where user_id = ${practitioner.id} order by display_name`,
  );
  const clients = await Promise.all(
    rows.map((row) => practitioner.expect<Contact>(200, "GET", `/api/contacts/${row.id}`)),
  );
  return new Map(clients.map((client) => [client.displayName, client]));
}

/** The text and status of each client's notes, by the client's display name. */
async function notesOf(practitioner: Practitioner): Promise<Map<string, { text: string; status: string }[]>> {
  const rows = await systemRows<{ name: string; body_text: string; status: string }>(
    sql`select c.display_name as name, n.body_text, n.status from public.notes n
          join public.contacts c on c.id = n.contact_id
         where n.user_id = ${practitioner.id} order by n.created_at, n.id`,
  );
  const notes = new Map<string, { text: string; status: string }[]>();
  for (const row of rows)
    notes.set(row.name, [...(notes.get(row.name) ?? []), { text: row.body_text, status: row.status }]);
  return notes;
}

const tagNames = (client: Contact | undefined) => client?.tags.map((tag) => tag.name).sort();

describe("moving in from Google Contacts", () => {
  it("previews the Google CSV with its columns mapped: names, both emails and phones, first address, groups, notes", async () => {
    const practitioner = await app.signUp("PreviewGoogle");
    const response = await send(
      practitioner,
      app.routes.preview,
      uploadRequest(practitioner, "/api/contacts/import/preview", { file: addressBook("google-contacts.csv") }),
    );
    expect(response.status).toBe(200);
    const preview = csvPreviewResponse.parse(await response.json());
    expect(preview.format).toBe("csv");
    expect(preview.rowCount).toBe(3);
    const mapped = Object.fromEntries(
      preview.headers.flatMap((header, index) => {
        const field = preview.suggestedMapping[index];
        return field ? [[header, field]] : [];
      }),
    );
    expect(mapped).toEqual({
      "First Name": "firstName",
      "Last Name": "lastName",
      Birthday: "dateOfBirth",
      Notes: "note",
      "Group Membership": "tags",
      "E-mail 1 - Value": "email",
      "E-mail 2 - Value": "email",
      "Phone 1 - Value": "phone",
      "Phone 2 - Value": "phone",
      "Address 1 - Street": "address.line1",
      "Address 1 - Extended Address": "address.line2",
      "Address 1 - City": "address.city",
      "Address 1 - Region": "address.region",
      "Address 1 - Postal Code": "address.postalCode",
      "Address 1 - Country": "address.country",
    });
  });

  it("imports the Google CSV: fields, groups as tags without '* myContacts', the rest in a first draft note", async () => {
    const practitioner = await app.signUp("GoogleCsv");
    const { result } = await importFile(practitioner, { file: addressBook("google-contacts.csv") });
    expect(result.created.map((created) => created.displayName)).toEqual([
      "Amélie Chevalier",
      "Søren Kierkegaard-Holm",
      "Lucía Fernández Ortega",
    ]);
    const clients = await clientsOf(practitioner);
    expect(clients.get("Amélie Chevalier")).toMatchObject({
      firstName: "Amélie",
      lastName: "Chevalier",
      email: "amelie.chevalier@example.fr",
      phone: "+33 6 12 34 56 78",
      dateOfBirth: "1986-04-17",
      source: "import",
      address: {
        line1: "18 Rue des Capucins",
        line2: "Appartement 4",
        city: "Lyon",
        region: "Auvergne-Rhône-Alpes",
        postalCode: "69001",
        country: "France",
      },
    });
    expect(tagNames(clients.get("Amélie Chevalier"))).toEqual(["Massage clients", "starred"]);
    expect(tagNames(clients.get("Søren Kierkegaard-Holm"))).toEqual(["Yoga students"]);
    expect(tagNames(clients.get("Lucía Fernández Ortega"))).toEqual([]);
    expect(clients.get("Søren Kierkegaard-Holm")?.dateOfBirth).toBeNull();
    const notes = await notesOf(practitioner);
    expect(notes.get("Amélie Chevalier")).toEqual([
      {
        text: "Prefers morning sessions.\nLower back tension after long flights.\nOther emails: a.chevalier@studio-example.fr\nOther phones: +33 4 72 00 11 22",
        status: "draft",
      },
    ]);
    expect(notes.get("Søren Kierkegaard-Holm")).toEqual([
      { text: "Birthday: 3 September (no year given)\nOther emails: soren.holm@example.dk", status: "draft" },
    ]);
    expect(notes.has("Lucía Fernández Ortega")).toBe(false);
  });

  it("imports the Google vCard to the same clients, and the same file again finds them all as duplicates", async () => {
    const practitioner = await app.signUp("GoogleVcard");
    const { result } = await importFile(practitioner, {
      file: addressBook("google-contacts.vcf"),
      fileName: "contacts.vcf",
    });
    expect(result.created.map((created) => [created.row, created.displayName])).toEqual([
      [1, "Amélie Chevalier"],
      [2, "Søren Kierkegaard-Holm"],
      [3, "Lucía Fernández Ortega"],
    ]);
    const clients = await clientsOf(practitioner);
    expect(clients.get("Amélie Chevalier")).toMatchObject({
      email: "amelie.chevalier@example.fr",
      phone: "+33 6 12 34 56 78",
      dateOfBirth: "1986-04-17",
      address: { line1: "18 Rue des Capucins", line2: "Appartement 4", city: "Lyon", postalCode: "69001" },
    });
    expect(tagNames(clients.get("Amélie Chevalier"))).toEqual(["Massage clients", "starred"]);
    expect((await notesOf(practitioner)).get("Søren Kierkegaard-Holm")?.[0]?.text).toBe(
      "Birthday: 3 September (no year given)\nOther emails: soren.holm@example.dk",
    );

    const before = await snapshotOf(practitioner.id);
    const dryRun = await send(
      practitioner,
      app.routes.dryRun,
      uploadRequest(practitioner, "/api/contacts/import/dry-run", { file: addressBook("google-contacts.vcf") }),
    );
    const report = csvDryRunResponse.parse(await dryRun.json());
    expect(report.summary).toEqual({ create: 0, merge: 0, skipDuplicate: 3, skipInvalid: 0 });
    expect(report.duplicates.map((duplicate) => [duplicate.row, duplicate.matchedOn])).toEqual([
      [1, "email"],
      [2, "email"],
      [3, "email"],
    ]);
    expect(await snapshotOf(practitioner.id)).toEqual(before);
  });

  it("merging a duplicate adds its notes to the client on file as a new draft", async () => {
    const practitioner = await app.signUp("GoogleMerge");
    await practitioner.expect(201, "POST", "/api/contacts", {
      displayName: "Amélie C.",
      email: "AMELIE.CHEVALIER@example.fr",
    });
    const { result } = await importFile(practitioner, {
      file: addressBook("google-contacts.vcf"),
      options: { defaultDuplicateAction: "merge" },
    });
    expect(result.merged).toEqual([
      expect.objectContaining({ row: 1, displayName: "Amélie C.", tagsAdded: ["Massage clients", "starred"] }),
    ]);
    expect(result.merged[0]?.filledFields).toContain("note");
    expect(result.merged[0]?.filledFields).toContain("phone");
    expect((await notesOf(practitioner)).get("Amélie C.")?.[0]?.text).toMatch(/^Prefers morning sessions\./);
  });
});

describe("moving in from Outlook and Apple Contacts", () => {
  it("imports the Outlook CSV: home address, mobile before home phone, month-first birthday, categories, notes", async () => {
    const practitioner = await app.signUp("Outlook");
    const { result } = await importFile(practitioner, { file: addressBook("outlook-contacts.csv") });
    expect(result.created).toHaveLength(2);
    const clients = await clientsOf(practitioner);
    expect(clients.get("Zoë O'Brien")).toMatchObject({
      email: "zoe.obrien@example.ie",
      phone: "+353 87 555 0199",
      dateOfBirth: "1979-07-23",
      address: {
        line1: "42 Willow Lane",
        line2: "Flat 3",
        city: "Galway",
        region: "Co. Galway",
        postalCode: "H91 X2Y3",
        country: "Ireland",
      },
    });
    expect(tagNames(clients.get("Zoë O'Brien"))).toEqual(["Monthly", "Reiki"]);
    expect(clients.get("Björn Åkesson")).toMatchObject({
      dateOfBirth: "1990-11-23",
      address: { city: "Malmö", country: "Sweden" },
    });
    expect((await notesOf(practitioner)).get("Zoë O'Brien")).toEqual([
      {
        text: "Referred by her sister. Allergic to almond oil.\nOther phones: +353 91 555 010\nOther emails: zoe@obrien-family.example",
        status: "draft",
      },
    ]);
    expect((await notesOf(practitioner)).has("Björn Åkesson")).toBe(false);
  });

  it("imports the Apple Contacts vCard: preferred email and phone first, photo ignored, its group as a tag", async () => {
    const practitioner = await app.signUp("Apple");
    const preview = csvPreviewResponse.parse(
      await (
        await send(
          practitioner,
          app.routes.preview,
          uploadRequest(practitioner, "/api/contacts/import/preview", { file: addressBook("apple-contacts.vcf") }),
        )
      ).json(),
    );
    expect(preview).toMatchObject({ format: "vcard", rowCount: 3 });
    const { result } = await importFile(practitioner, { file: addressBook("apple-contacts.vcf") });
    expect(result.created.map((created) => created.displayName)).toEqual([
      "Hélène Nakamura-Dubois",
      "Guðrún Ólafsdóttir",
      "Thandiwe Mbeki",
    ]);
    const clients = await clientsOf(practitioner);
    expect(clients.get("Hélène Nakamura-Dubois")).toMatchObject({
      email: "helene@atelier-shiatsu.example",
      phone: "+1 (514) 555-0142",
      dateOfBirth: "1982-11-05",
      photoPath: null,
      address: { line1: "1234 Rue Saint-Denis", line2: "Suite 5", city: "Montréal", region: "QC", country: "Canada" },
    });
    expect(tagNames(clients.get("Guðrún Ólafsdóttir"))).toEqual(["Prenatal clients"]);
    expect(tagNames(clients.get("Thandiwe Mbeki"))).toEqual(["Prenatal clients"]);
    expect(tagNames(clients.get("Hélène Nakamura-Dubois"))).toEqual([]);
    const notes = await notesOf(practitioner);
    expect(notes.get("Hélène Nakamura-Dubois")?.[0]?.text).toBe(
      "Seeing her for shoulder work, every other Tuesday.\nPrefers lavender oil.\nOther emails: helene.perso@example.com\nOther phones: +1 514 555 0199",
    );
    expect(notes.get("Guðrún Ólafsdóttir")?.[0]?.text).toBe(
      "Postnatal yoga since March. Wants reminders by text rather than email because she rarely reads her inbox.\nBirthday: 21 June (no year given)",
    );
  });

  it("goes by the content, not the name: a vCard named .csv is read as cards, a CSV named .vcf as a table", async () => {
    const practitioner = await app.signUp("Renamed");
    const asCsv = await send(
      practitioner,
      app.routes.preview,
      uploadRequest(practitioner, "/api/contacts/import/preview", {
        file: addressBook("apple-contacts.vcf"),
        fileName: "clients.csv",
      }),
    );
    expect(csvPreviewResponse.parse(await asCsv.json()).format).toBe("vcard");
    const asVcf = await send(
      practitioner,
      app.routes.preview,
      uploadRequest(practitioner, "/api/contacts/import/preview", {
        file: addressBook("outlook-contacts.csv"),
        fileName: "clients.vcf",
      }),
    );
    expect(csvPreviewResponse.parse(await asVcf.json())).toMatchObject({ format: "csv", rowCount: 2 });
  });
});

describe("a hostile vCard is refused at every step with a clear message, and nothing is written", () => {
  const STEPS: [keyof CsvRoutes, string][] = [
    ["preview", "/api/contacts/import/preview"],
    ["dryRun", "/api/contacts/import/dry-run"],
    ["importCsv", "/api/contacts/import"],
  ];
  let mallory: Practitioner;

  beforeAll(async () => {
    mallory = await app.signUp("Mallory");
    await mallory.expect(201, "POST", "/api/contacts", { displayName: "Already Here", email: "here@example.com" });
  });

  async function refusedEverywhere(file: string | Uint8Array, status: number, message: RegExp) {
    const before = await snapshotOf(mallory.id);
    for (const [route, pathname] of STEPS) {
      const upload = uploadRequest(mallory, pathname, { file, fileName: "contacts.vcf" });
      const error = await jsonError(await send(mallory, app.routes[route], upload), status);
      expect(error.message, pathname).toMatch(message);
    }
    expect(await snapshotOf(mallory.id)).toEqual(before);
    expect(await contactCount(mallory.id)).toBe(1);
  }

  const card = (name: string, ...lines: string[]) =>
    ["BEGIN:VCARD", "VERSION:3.0", `FN:${name}`, ...lines, "END:VCARD", ""].join("\r\n");

  it("a line of 200,000 characters → 422", async () => {
    await refusedEverywhere(
      card("Maya") + card("Huge", `NOTE:${"x".repeat(200_000)}`),
      422,
      /^Line 8 is over 100,000 characters long/,
    );
  });

  it("binary data after BEGIN:VCARD → 415", async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode("BEGIN:VCARD\r\nFN:"),
      ...Array.from({ length: 256 }, (_, byte) => byte),
    ]);
    await refusedEverywhere(bytes, 415, /binary data, not contact cards/);
  });

  it(`${(100_000).toLocaleString("en")} cards, over the limit of ${CSV_IMPORT_LIMITS.rows.toLocaleString("en")} → 413`, async () => {
    await refusedEverywhere(
      card("x").repeat(100_000),
      413,
      /^The file has 100,000 contact cards; import at most 10,000/,
    );
  });

  it("a value wrapped without its continuing space → 422 naming the line", async () => {
    const broken =
      card("Maya") + ["BEGIN:VCARD", "FN:Sam", "NOTE:Prefers the morning and", "no oils", "END:VCARD"].join("\r\n");
    await refusedEverywhere(broken, 422, /^Line 8 is not a contact card property/);
  });

  it("a file cut short inside a card → 422", async () => {
    await refusedEverywhere(
      card("Maya") + "BEGIN:VCARD\r\nFN:Sam\r\nEMAIL:sam@exa",
      422,
      /starting at line 5 never ends/,
    );
  });
});
