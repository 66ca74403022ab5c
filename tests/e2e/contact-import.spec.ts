import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { newAccount, signUpThroughApi } from "./support/accounts";
import { expect, test } from "./support/fixtures";

const STAGES = ["Prospect", "New Client", "Core Client", "VIP Client"];
const BAD_ROW = 27;

/** 50 clients, one per row (rows 2–51), the one on row 27 with an email that is not one. */
function clientsCsv() {
  const header = ["Name", "E-mail", "Mobile", "Stage", "Tags", "City", "Birthday"];
  const rows = Array.from({ length: 50 }, (_, index) => {
    const row = index + 2;
    return [
      row === 3 ? "=Formula Fan" : `Client ${String(row).padStart(2, "0")} Åberg`,
      row === BAD_ROW ? "not-an-email" : `client${row}@example.com`,
      `+1 415 555 ${String(1000 + row)}`,
      STAGES[row % STAGES.length] ?? "Prospect",
      row % 2 === 0 ? "Yoga; Evening" : "Massage",
      row % 5 === 0 ? 'Oakland, "East Bay"' : "San Francisco",
      `19${String(50 + (row % 40))}-0${(row % 9) + 1}-1${row % 9}`,
    ];
  });
  const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
  return { header, rows, text: [header, ...rows].map((cells) => cells.map(quote).join(",")).join("\r\n") };
}

test("import 50 clients with one bad row through the wizard, then export them back", async ({ page, baseURL }) => {
  await signUpThroughApi(page.context().request, baseURL ?? "", newAccount("importer"));
  const csv = clientsCsv();

  await page.goto("/clients/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import clients" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Import steps" }).getByRole("listitem").first()).toHaveAttribute(
    "aria-current",
    "step",
  );
  await page.locator('input[type="file"]').setInputFiles({
    name: "clients.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`\ufeff${csv.text}`, "utf8"),
  });

  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { name: "Match columns" })).toBeFocused();
  await expect(main.getByLabel("E-mail")).toHaveValue("email");
  await expect(main.getByLabel("Mobile")).toHaveValue("phone");
  await expect(main.getByLabel("Birthday")).toHaveValue("dateOfBirth");
  await expect(main.getByLabel("City")).toHaveValue("address.city");
  await main.getByRole("button", { name: "Check the file" }).click();

  await expect(main.getByRole("heading", { name: "Review" })).toBeFocused();
  await expect(main.getByText("49 new clients will be added")).toBeVisible();
  await expect(main.getByText("1 row with errors will be skipped")).toBeVisible();
  await expect(main.getByText(`Row ${BAD_ROW}, E-mail: Enter a valid email address`)).toBeVisible();
  await main.getByRole("button", { name: "Import 49 clients" }).click();

  const dialog = page.getByRole("alertdialog", { name: "Import 49 clients?" });
  await expect(dialog).toContainText("if anything goes wrong, nothing is imported");
  await dialog.getByRole("button", { name: "Import", exact: true }).press("Enter");

  await expect(main.getByRole("heading", { name: "Done" })).toBeFocused({ timeout: 30_000 });
  await expect(main.getByRole("status")).toContainText("49 clients created, 0 rows merged, 1 row skipped.");
  await expect(main.getByText(`Row ${BAD_ROW}: E-mail: Enter a valid email address`)).toBeVisible();

  const exported = await page.request.get("/api/contacts/export?sort=name");
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-disposition"]).toMatch(/^attachment; filename="clients-\d{4}-\d{2}-\d{2}\.csv"$/);
  const [headers = [], ...records]: string[][] = parse(await exported.text(), { bom: true, record_delimiter: "\r\n" });
  const column = (name: string) => headers.indexOf(name);
  const restored = (cell: string | undefined) => (cell?.startsWith("'") ? cell.slice(1) : (cell ?? ""));
  const byEmail = new Map(records.map((record) => [record[column("Email")], record]));
  expect(records).toHaveLength(49);
  for (const [name, email, phone, stage, tags, city, birthday] of csv.rows) {
    const record = byEmail.get(email);
    if (email === "not-an-email") {
      expect(record).toBeUndefined();
      continue;
    }
    expect(record, email).toBeDefined();
    expect({
      name: restored(record?.[column("Display name")]),
      phone: restored(record?.[column("Phone")]),
      stage: record?.[column("Lifecycle stage")],
      tags: record?.[column("Tags")]?.split("; ").sort(),
      city: record?.[column("Address city")],
      birthday: record?.[column("Date of birth")],
      source: record?.[column("Source")],
    }).toEqual({ name, phone, stage, tags: tags?.split("; ").sort(), city, birthday, source: "import" });
  }
  expect(byEmail.get("client3@example.com")?.[column("Display name")]).toBe("'=Formula Fan");

  await main.getByRole("link", { name: "Back to clients" }).click();
  await expect(page).toHaveURL(/\/clients$/);
});

test("import an Apple Contacts vCard through the same wizard", async ({ page, baseURL }) => {
  await signUpThroughApi(page.context().request, baseURL ?? "", newAccount("vcard-importer"));
  await page.goto("/clients/import");
  const main = page.getByRole("main");
  await main.getByText("Moving from Google Contacts, Outlook or Apple Contacts?").click();
  await expect(main.getByText("File → Export → Export vCard", { exact: false })).toBeVisible();

  await page.locator('input[type="file"]').setInputFiles({
    name: "contacts.vcf",
    mimeType: "text/vcard",
    buffer: fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/contacts/apple-contacts.vcf")),
  });
  await expect(main.getByRole("heading", { name: "Match columns" })).toBeFocused();
  await expect(main.getByText("contacts.vcf: 3 contact cards (vCard)")).toBeVisible();
  await expect(main.getByLabel("Email", { exact: true })).toHaveValue("email");
  await expect(main.getByLabel("Tags", { exact: true })).toHaveValue("tags");
  await expect(main.getByLabel("Notes", { exact: true })).toHaveValue("note");
  await main.getByRole("button", { name: "Check the file" }).click();

  await expect(main.getByRole("heading", { name: "Review" })).toBeFocused();
  await expect(main.getByText("3 new clients will be added")).toBeVisible();
  await main.getByRole("button", { name: "Import 3 clients" }).click();
  await page
    .getByRole("alertdialog", { name: "Import 3 clients?" })
    .getByRole("button", { name: "Import", exact: true })
    .click();
  await expect(main.getByRole("heading", { name: "Done" })).toBeFocused({ timeout: 30_000 });
  await expect(main.getByRole("status")).toContainText("3 clients created, 0 rows merged, 0 rows skipped.");

  const exported = await page.request.get("/api/contacts/export?sort=name");
  const records: Record<string, string>[] = parse(await exported.text(), {
    bom: true,
    columns: true,
    record_delimiter: "\r\n",
  });
  expect(records.map((record) => [record["Display name"], record.Email, record.Tags, record["Address city"]])).toEqual([
    ["Guðrún Ólafsdóttir", "gudrun.olafs@example.is", "Prenatal clients", ""],
    ["Hélène Nakamura-Dubois", "helene@atelier-shiatsu.example", "", "Montréal"],
    ["Thandiwe Mbeki", "thandi.mbeki@example.co.za", "Prenatal clients", "Cape Town"],
  ]);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the wizard fits the screen and a malformed file is refused with a clear error", async ({ page, baseURL }) => {
    await signUpThroughApi(page.context().request, baseURL ?? "", newAccount("phone-importer"));
    await page.goto("/clients/import");
    await page.locator('input[type="file"]').setInputFiles({
      name: "broken.csv",
      mimeType: "text/csv",
      buffer: Buffer.from('Name,Email\nMaya,"maya@example.com\nSam,sam@example.com\n'),
    });
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).toContainText("This file can't be imported");
    await expect(alert).toContainText("never closed");

    // Over the limit, by a little or by a lot: one limit, one message, and nothing sent.
    for (const megabytes of [7, 11]) {
      await page.locator('input[type="file"]').setInputFiles({
        name: "huge.csv",
        mimeType: "text/csv",
        buffer: Buffer.alloc(megabytes * 1024 * 1024, "a"),
      });
      await expect(alert).toContainText("The file is larger than 5 MB. Split it and import each part.");
    }

    await page.locator('input[type="file"]').setInputFiles({
      name: "clients.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(clientsCsv().text),
    });
    await expect(page.getByRole("main").getByRole("heading", { name: "Match columns" })).toBeFocused();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
