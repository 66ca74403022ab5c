import { readFile } from "node:fs/promises";
import type { APIRequestContext, Page } from "@playwright/test";
import { newAccount, signUpThroughApi } from "./support/accounts";
import { expect, test } from "./support/fixtures";

interface Api {
  request: APIRequestContext;
  origin: string;
}

/** A signed-in practitioner of their own, and the API client sharing the page's session. */
async function practitioner(page: Page, baseURL: string | undefined, label: string): Promise<Api> {
  const request = page.context().request;
  await signUpThroughApi(request, baseURL ?? "", newAccount(label));
  return { request, origin: baseURL ?? "" };
}

/** Adds a client through the API (quicker than the form where the form is not what is tested). */
async function addClient(api: Api, client: Record<string, string>): Promise<string> {
  const response = await api.request.post("/api/contacts", { data: client, headers: { origin: api.origin } });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** Adds many clients in one transaction through the CSV import API. */
async function importClients(api: Api, csv: string): Promise<void> {
  const response = await api.request.post("/api/contacts/import", {
    headers: { origin: api.origin },
    multipart: {
      file: { name: "clients.csv", mimeType: "text/csv", buffer: Buffer.from(csv) },
      options: JSON.stringify({}),
    },
    timeout: 90_000,
  });
  const lines = (await response.text()).trim().split("\n");
  expect(response.status()).toBe(200);
  expect(JSON.parse(lines.at(-1) ?? "{}")).toMatchObject({ type: "result" });
}

const waitForPatch = (page: Page) => page.waitForResponse((response) => response.request().method() === "PATCH");

const clientsTable = (page: Page) => page.getByRole("table", { name: "Clients" });
const clientRows = (page: Page) => clientsTable(page).locator("tbody tr[data-row-index]");

test("a new client is found by part of their phone number, tagged, staged and edited in place", async ({
  page,
  baseURL,
}) => {
  const api = await practitioner(page, baseURL, "records");
  await page.goto("/clients");
  await expect(page.getByRole("heading", { name: "No clients yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Import a CSV" })).toHaveAttribute("href", "/clients/import");

  // `n` opens "New client"; the API's contract checks the form before anything is sent.
  let creates = 0;
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/contacts") creates++;
  });
  await page.keyboard.press("n");
  const dialog = page.getByRole("dialog", { name: "New client" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Email").fill("maya@");
  await dialog.getByRole("button", { name: "Create client" }).click();
  await expect(dialog.getByLabel("Name", { exact: true })).toBeFocused();
  await expect(dialog.getByText("Enter a name")).toBeVisible();
  await expect(dialog.getByText("Enter a valid email address")).toBeVisible();
  expect(creates).toBe(0);

  await dialog.getByLabel("Name", { exact: true }).fill("Maya Lindqvist");
  await dialog.getByLabel("Email").fill("maya.lindqvist@example.test");
  await dialog.getByLabel("Phone").fill("+44 7700 900461");
  await dialog.getByRole("button", { name: "Create client" }).click();
  await expect(page).toHaveURL(/\/clients\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Maya Lindqvist" })).toBeVisible();
  expect(creates).toBe(1);

  await addClient(api, { displayName: "Noah Berg", phone: "+44 7700 900118" });
  await addClient(api, { displayName: "Iris Moreau", phone: "+33 6 12 34 56 78" });

  // `/` focuses the search; part of a phone number, spaced as the practitioner likes, finds her.
  await page.goto("/clients");
  await expect(clientRows(page)).toHaveCount(3);
  await page.keyboard.press("/");
  const search = page.getByRole("searchbox", { name: "Search clients" });
  await expect(search).toBeFocused();
  await search.pressSequentially("900 46");
  await expect(clientRows(page)).toHaveCount(1);
  await expect(clientRows(page).first()).toContainText("Maya Lindqvist");
  await expect(page).toHaveURL(/[?&]q=900\+46(&|$)/);
  await expect(page.getByText("1 match", { exact: true })).toBeVisible();

  // The URL keeps the search across a reload.
  await page.reload();
  await expect(search).toHaveValue("900 46");
  await expect(clientRows(page)).toHaveCount(1);

  // Escape clears the search; arrow keys move between rows and Enter opens one.
  await search.focus();
  await page.keyboard.press("Escape");
  await expect(clientRows(page)).toHaveCount(3);
  await clientRows(page).first().focus();
  await expect(clientRows(page).first()).toContainText("Iris Moreau");
  await page.keyboard.press("ArrowDown");
  await expect(clientRows(page).nth(1)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Maya Lindqvist" })).toBeVisible();

  // Tag her with a tag created on the spot.
  await page.getByRole("button", { name: "Add tag" }).click();
  await page.getByLabel("Find or create a tag").fill("Prenatal");
  await page.keyboard.press("Enter");
  const tags = page.getByRole("list", { name: "Tags" });
  await expect(tags).toContainText("Prenatal");
  await page.keyboard.press("Escape");

  // The stage changes in one step.
  const stageSaved = waitForPatch(page);
  await page.getByLabel("Lifecycle stage").selectOption("VIP Client");
  expect((await stageSaved).status()).toBe(200);

  // Edit in place: Enter saves; Escape cancels; the contract refuses a bad value before sending it.
  const contact = page.getByRole("region", { name: "Contact", exact: true });
  await contact.getByRole("button", { name: "Edit contact" }).click();
  await expect(contact.getByLabel("Name", { exact: true })).toBeFocused();
  await contact.getByLabel("Pronouns").fill("she/her");
  const detailsSaved = waitForPatch(page);
  await contact.getByLabel("Pronouns").press("Enter");
  expect((await detailsSaved).status()).toBe(200);
  await expect(contact.getByRole("status")).toHaveText("Saved");
  await expect(contact.getByRole("button", { name: "Edit contact" })).toBeFocused();
  await expect(contact).toContainText("she/her");

  let patches = 0;
  page.on("request", (request) => {
    if (request.method() === "PATCH") patches++;
  });
  const address = page.getByRole("region", { name: "Address" });
  await address.getByRole("button", { name: "Edit address" }).click();
  await address.getByLabel("Town or city").fill("Leeds");
  await page.keyboard.press("Escape");
  await expect(address.getByRole("button", { name: "Edit address" })).toBeFocused();
  await expect(address).not.toContainText("Leeds");

  const emergency = page.getByRole("region", { name: "Emergency contact" });
  await emergency.getByRole("button", { name: "Edit emergency contact" }).click();
  await emergency.getByLabel("Phone").fill("call me");
  await emergency.getByRole("button", { name: "Save" }).click();
  await expect(emergency.getByLabel("Phone")).toBeFocused();
  await expect(emergency.getByText("Use digits, spaces and + ( ) - . only")).toBeVisible();
  expect(patches).toBe(0);

  await page.reload();
  await expect(page.getByLabel("Lifecycle stage")).toHaveValue("VIP Client");
  await expect(page.getByRole("list", { name: "Tags" })).toContainText("Prenatal");
  await expect(page.getByRole("region", { name: "Contact", exact: true })).toContainText("she/her");
});

test("the list filters by stage, exports what it shows, sorts by column, and deletes a selection after confirming", async ({
  page,
  baseURL,
}) => {
  const api = await practitioner(page, baseURL, "filters");
  for (const [displayName, lifecycleStage] of [
    ["Ada Prospect", "Prospect"],
    ["Ben Vip", "VIP Client"],
    ["Cleo Vip", "VIP Client"],
    ["Dev Lost", "Lost Client"],
    ["Eve Core", "Core Client"],
  ] as const) {
    await addClient(api, { displayName, lifecycleStage });
  }
  await page.goto("/clients");
  await expect(clientRows(page)).toHaveCount(5);
  await expect(page.getByText("5 clients", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Filter by stage" }).click();
  await page.getByRole("menuitemcheckbox", { name: "VIP Client" }).click();
  await page.keyboard.press("Escape");
  await expect(clientRows(page)).toHaveCount(2);
  await expect(page.getByText("2 matches", { exact: true })).toBeVisible();
  await expect(page).toHaveURL(/stage=VIP\+Client/);
  await page.reload();
  await expect(page.getByRole("button", { name: "Stage: VIP Client" })).toBeVisible();
  await expect(clientRows(page)).toHaveText([/Ben Vip/, /Cleo Vip/]);

  // Export downloads exactly what the list shows: the same filter, the same order.
  const exportLink = page.getByRole("link", { name: "Export" });
  await expect(exportLink).toHaveAttribute("href", "/api/contacts/export?stage=VIP+Client");
  const downloading = page.waitForEvent("download");
  await exportLink.click();
  const csv = await readFile((await (await downloading).path()) ?? "", "utf8");
  const [header = "", ...records] = csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  const nameColumn = header.split(",").indexOf("Display name");
  expect(nameColumn).toBeGreaterThanOrEqual(0);
  expect(records.map((record) => record.split(",")[nameColumn])).toEqual(["Ben Vip", "Cleo Vip"]);

  await page.getByRole("button", { name: "Remove stage filter" }).click();
  await expect(clientRows(page)).toHaveCount(5);

  // Sortable headers say how the table is sorted.
  const nameHeader = clientsTable(page).getByRole("columnheader", { name: "Name" });
  const addedHeader = clientsTable(page).getByRole("columnheader", { name: "Added" });
  await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
  await addedHeader.getByRole("button").click();
  await expect(addedHeader).toHaveAttribute("aria-sort", "descending");
  await expect(nameHeader).toHaveAttribute("aria-sort", "none");
  await expect(clientRows(page).first()).toContainText("Eve Core");
  await addedHeader.getByRole("button").click();
  await expect(addedHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(clientRows(page).first()).toContainText("Ada Prospect");
  await expect(page).toHaveURL(/sort=created&order=asc/);

  // Click one box, shift-click another: the rows between are ticked too.
  await page.getByRole("checkbox", { name: "Select Ada Prospect" }).click();
  await page.getByRole("checkbox", { name: "Select Cleo Vip" }).click({ modifiers: ["Shift"] });
  const selected = page.getByRole("region", { name: "Selected clients" });
  await expect(selected).toContainText("3 clients selected");
  await expect(page.getByRole("checkbox", { name: "Select Ben Vip" })).toBeChecked();

  // The ticked clients download as CSV, sorted by name, and stay ticked.
  const downloadingSelection = page.waitForEvent("download");
  await selected.getByRole("button", { name: "Export selected" }).click();
  const selection = await downloadingSelection;
  expect(selection.suggestedFilename()).toMatch(/^clients-\d{4}-\d{2}-\d{2}\.csv$/);
  const selectedCsv = (await readFile((await selection.path()) ?? "", "utf8")).replace(/^\uFEFF/, "").trim();
  const [selectedHeader = "", ...selectedRecords] = selectedCsv.split(/\r?\n/);
  const selectedNames = selectedRecords.map(
    (record) => record.split(",")[selectedHeader.split(",").indexOf("Display name")],
  );
  expect(selectedNames).toEqual(["Ada Prospect", "Ben Vip", "Cleo Vip"]);
  await expect(selected.getByRole("button", { name: "Export selected" })).toBeEnabled();
  await expect(selected).toContainText("3 clients selected");

  await selected.getByRole("button", { name: "Delete" }).click();
  const confirmation = page.getByRole("alertdialog", { name: "Delete 3 clients?" });
  await expect(confirmation).toBeVisible();
  await confirmation.getByRole("button", { name: "Cancel" }).click();
  await expect(clientRows(page)).toHaveCount(5);
  await selected.getByRole("button", { name: "Delete" }).click();
  await confirmation.getByRole("button", { name: "Delete 3 clients" }).click();
  await expect(confirmation).toBeHidden();
  await expect(clientRows(page)).toHaveText([/Dev Lost/, /Eve Core/]);
  await expect(page.getByText("2 clients", { exact: true })).toBeVisible();
  await expect(selected).toBeHidden();

  // Tag everyone loaded at once.
  await page.getByRole("checkbox", { name: "Select all loaded clients" }).check();
  await page.getByRole("region", { name: "Selected clients" }).getByRole("button", { name: "Tag" }).click();
  const tagDialog = page.getByRole("dialog", { name: "Tag 2 clients" });
  await tagDialog.getByRole("button", { name: "Add 0 tags" }).click();
  await expect(tagDialog.getByRole("alert")).toHaveText("Choose at least one tag");
  await tagDialog.getByLabel("Find or create a tag").fill("Newsletter");
  await tagDialog.getByLabel("Find or create a tag").press("Enter");
  // Choosing a tag answers the complaint: it does not linger beside the choice.
  await expect(tagDialog.getByRole("alert")).toHaveCount(0);
  await tagDialog.getByRole("button", { name: "Add 1 tag" }).click();
  await expect(tagDialog).toBeHidden();
  await expect(clientRows(page).filter({ hasText: "Newsletter" })).toHaveCount(2);
});

test("a duplicate email offers the client on file, or a second record on purpose", async ({ page, baseURL }) => {
  const api = await practitioner(page, baseURL, "duplicates");
  const existingId = await addClient(api, { displayName: "Sam Okafor", email: "sam@example.test" });
  await page.goto("/clients");
  await page.getByRole("button", { name: "New client" }).click();
  const dialog = page.getByRole("dialog", { name: "New client" });
  await dialog.getByLabel("Name", { exact: true }).fill("Samuel Okafor");
  await dialog.getByLabel("Email").fill("SAM@example.test");
  await dialog.getByRole("button", { name: "Create client" }).click();
  const alert = dialog.getByRole("alert");
  await expect(alert).toContainText("already exists");
  await expect(alert.getByRole("link", { name: "Open existing" })).toHaveAttribute("href", `/clients/${existingId}`);

  await alert.getByRole("button", { name: "Create anyway" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Samuel Okafor" })).toBeVisible();
  expect(page.url()).not.toContain(existingId);
});

test("thousands of clients: the table stays windowed, loads pages as it scrolls and keeps the keyboard", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const api = await practitioner(page, baseURL, "thousands");
  const rows = Array.from({ length: 2_000 }, (_, index) => {
    const number = String(index).padStart(4, "0");
    return `Client ${number},client${number}@example.test,+44 7700 9${number.padStart(5, "1")}`;
  });
  await importClients(api, ["Display name,Email,Phone", ...rows].join("\n"));

  await page.goto("/clients");
  await expect(page.getByText("2,000 clients", { exact: true })).toBeVisible();
  await expect(clientsTable(page)).toHaveAttribute("aria-rowcount", "2001");
  await expect(clientRows(page).first()).toContainText("Client 0000");
  const rendered = await clientRows(page).count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(60);

  // Scrolling to the end keeps asking for pages until every client is loaded, never rendering them all.
  await page.mouse.move(700, 500);
  await expect(async () => {
    await page.mouse.wheel(0, 20_000);
    await expect(page.getByText("All 2,000 clients shown")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(async () => {
    await page.mouse.wheel(0, 20_000);
    await expect(clientRows(page).last()).toContainText("Client 1999", { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  expect(await clientRows(page).count()).toBeLessThan(60);

  // End on a row jumps to the last loaded one, Home back to the first.
  await clientRows(page).last().focus();
  await page.keyboard.press("Home");
  await expect(page.locator('tr[data-row-index="0"]')).toBeFocused();
  await page.keyboard.press("End");
  await expect(page.locator('tr[data-row-index="1999"]')).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page.getByRole("region", { name: "Selected clients" })).toContainText("1 client selected");
});

test("select all: every client matching the search, not just the loaded rows, is tagged and then deleted", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const api = await practitioner(page, baseURL, "select-all");
  const rows = Array.from({ length: 250 }, (_, index) => `Zoë Cohort ${String(index).padStart(3, "0")}`);
  await importClients(api, ["Display name", ...rows, "Other Person", "Another Person"].join("\n"));

  // Typed without the accent, with a filter beside the search; the first page holds 100 of the 250 matches.
  await page.goto("/clients?q=zoe+cohort&hasEmail=false");
  await expect(page.getByText("250 matches", { exact: true })).toBeVisible();
  const selected = page.getByRole("region", { name: "Selected clients" });
  await page.getByRole("checkbox", { name: "Select all loaded clients" }).check();
  await selected.getByRole("button", { name: "Select all 250 matching" }).click();
  await expect(selected).toContainText("All 250 matching clients selected");

  await selected.getByRole("button", { name: "Tag" }).click();
  const tagDialog = page.getByRole("dialog", { name: "Tag 250 clients" });
  await tagDialog.getByLabel("Find or create a tag").fill("Cohort");
  await tagDialog.getByLabel("Find or create a tag").press("Enter");
  await tagDialog.getByRole("button", { name: "Add 1 tag" }).click();
  await expect(tagDialog).toBeHidden();
  const tagId = await tagIdByName(api.request, "Cohort");
  expect(await (await api.request.get(`/api/contacts/count?tag=${tagId}`)).json()).toEqual({ count: 250 });

  await page.getByRole("checkbox", { name: "Select all loaded clients" }).check();
  await selected.getByRole("button", { name: "Select all 250 matching" }).click();
  await selected.getByRole("button", { name: "Delete" }).click();
  const confirmation = page.getByRole("alertdialog", { name: "Delete 250 clients?" });
  await confirmation.getByRole("button", { name: "Delete 250 clients" }).click();
  await expect(confirmation).toBeHidden();
  await expect(page.getByRole("heading", { name: "No clients match" })).toBeVisible();
  expect(await (await api.request.get("/api/contacts/count")).json()).toEqual({ count: 2 });
});

test("from the empty list, a CSV of 50 clients with one bad row is imported, listed and exported back", async ({
  page,
  baseURL,
}) => {
  await practitioner(page, baseURL, "importing");
  const names = Array.from({ length: 50 }, (_, index) => `Imported ${String(index + 1).padStart(2, "0")}`);
  const BAD = 17;
  const csv = [
    "Name,Email,Phone",
    ...names.map((name, index) =>
      [name, index + 1 === BAD ? "not-an-email" : `imported${index + 1}@example.test`, `+44 7700 8${index + 10}`].join(
        ",",
      ),
    ),
  ].join("\n");

  await page.goto("/clients");
  await page.getByRole("link", { name: "Import a CSV" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import clients" })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles({
    name: "clients.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv),
  });
  const main = page.getByRole("main");
  await main.getByRole("button", { name: "Check the file" }).click();
  await expect(main.getByText("49 new clients will be added")).toBeVisible();
  await main.getByRole("button", { name: "Import 49 clients" }).click();
  await page
    .getByRole("alertdialog", { name: "Import 49 clients?" })
    .getByRole("button", { name: "Import", exact: true })
    .click();
  await expect(main.getByRole("status")).toContainText("49 clients created, 0 rows merged, 1 row skipped.", {
    timeout: 30_000,
  });
  await main.getByRole("link", { name: "Back to clients" }).click();

  // The list shows the 49, and its Export link downloads the same clients in the same order.
  await expect(page.getByText("49 clients", { exact: true })).toBeVisible();
  await expect(clientRows(page).first()).toContainText("Imported 01");
  await expect(page.getByText("All 49 clients shown")).toBeVisible();
  const listed = (await clientRows(page).locator("td:nth-child(2) a").allTextContents()).slice(0, 5);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export" }).click();
  const exported = await readFile((await (await downloading).path()) ?? "", "utf8");
  const [header = "", ...records] = exported
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  const column = (name: string) => header.split(",").indexOf(name);
  const exportedNames = records.map((record) => record.split(",")[column("Display name")]);
  expect(exportedNames).toEqual(names.filter((_, index) => index + 1 !== BAD));
  expect(exportedNames.slice(0, 5)).toEqual(listed);
  expect(records.map((record) => record.split(",")[column("Source")])).toEqual(Array(49).fill("import"));
});

test("a session note from a template is signed, then amended, on the client's page", async ({ page, baseURL }) => {
  const api = await practitioner(page, baseURL, "notes");
  const id = await addClient(api, { displayName: "Lena Haddad" });
  await page.goto(`/clients/${id}`);
  const notes = page.getByRole("region", { name: "Notes" });
  await expect(notes.getByRole("heading", { name: "No notes yet" })).toBeVisible();

  await notes.getByRole("button", { name: "New note" }).click();
  await page.getByRole("menuitem", { name: /Massage \/ bodywork session/ }).click();
  const editor = notes.getByRole("textbox", { name: /^Draft note of/ });
  await expect(editor).toContainText("Techniques used:");
  await editor.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(" Deep tissue on the upper back.");
  await expect(notes.getByText(/^Saved/)).toBeVisible();

  await notes.getByRole("button", { name: "Sign and lock" }).click();
  const sign = page.getByRole("alertdialog", { name: "Sign and lock this note?" });
  await sign.getByRole("button", { name: "Sign and lock" }).click();
  await expect(sign).toBeHidden();
  await expect(notes.getByText(/^Signed /)).toBeVisible();
  await expect(notes).toContainText("Deep tissue on the upper back.");
  await expect(notes.getByRole("textbox", { name: /^Draft note of/ })).toHaveCount(0);

  await notes.getByRole("button", { name: "Add amendment" }).click();
  await notes.getByLabel("Amendment").fill("Client reported soreness the next day.");
  await notes.getByRole("button", { name: "Add amendment" }).click();
  await expect(notes.getByRole("region", { name: "Amendments" })).toContainText(
    "Client reported soreness the next day.",
  );

  await page.reload();
  await expect(page.getByRole("region", { name: "Amendments" })).toContainText("soreness");
});

test("Settings → Tags: create, rename, recolour and delete, saying how many clients lose the tag", async ({
  page,
  baseURL,
}) => {
  const api = await practitioner(page, baseURL, "tags");
  await page.goto("/settings");
  await page.getByRole("link", { name: "Manage tags" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tags" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No tags yet" })).toBeVisible();

  await page.getByRole("button", { name: "New tag" }).click();
  const create = page.getByRole("dialog", { name: "New tag" });
  await create.getByRole("button", { name: "Create tag" }).click();
  await expect(create.getByText("Enter a name")).toBeVisible();
  await create.getByLabel("Name").fill("Back pain");
  await create.getByLabel("Category").fill("Health");
  await create.getByRole("button", { name: "Blue" }).click();
  await create.getByRole("button", { name: "Create tag" }).click();
  await expect(create).toBeHidden();
  const tagList = page.getByRole("list", { name: "Tags" });
  await expect(tagList).toContainText("Back pain");
  await expect(tagList).toContainText("0 clients");

  const tagId = await tagIdByName(api.request, "Back pain");
  const ids = [await addClient(api, { displayName: "Ola One" }), await addClient(api, { displayName: "Tom Two" })];
  const tagged = await api.request.post("/api/contacts/bulk-tag", {
    data: { ids, tagIds: [tagId] },
    headers: { origin: api.origin },
  });
  expect(tagged.status()).toBe(200);
  await page.reload();
  await expect(tagList).toContainText("2 clients");

  await page.getByRole("button", { name: "Edit Back pain" }).click();
  const edit = page.getByRole("dialog", { name: "Edit tag “Back pain”" });
  await edit.getByLabel("Name").fill("Lower back");
  await edit.getByRole("button", { name: "Violet" }).click();
  await edit.getByRole("button", { name: "Save tag" }).click();
  await expect(edit).toBeHidden();
  await expect(tagList).toContainText("Lower back");
  const renamed = await api.request.get("/api/tags");
  expect(await renamed.json()).toMatchObject({ items: [{ name: "Lower back", color: "#7c3aed", category: "Health" }] });

  // Cancelling gives focus back to the row's button; after the deletion, with the row gone, "New tag" has it.
  await page.getByRole("button", { name: "Delete Lower back" }).click();
  const confirmation = page.getByRole("alertdialog", { name: "Delete tag “Lower back”?" });
  await expect(confirmation).toContainText("2 clients will lose this tag.");
  await confirmation.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("button", { name: "Delete Lower back" })).toBeFocused();
  await page.keyboard.press("Enter");
  await confirmation.getByRole("button", { name: "Delete tag" }).click();
  await expect(page.getByRole("heading", { name: "No tags yet" })).toBeVisible();
  await expect(page.getByRole("button", { name: "New tag" })).toBeFocused();
  const client = await api.request.get(`/api/contacts/${ids[0]}`);
  expect(await client.json()).toMatchObject({ displayName: "Ola One", tags: [] });
});

test("an unknown id, or another practitioner's client, is simply not found, with a 404 status", async ({
  page,
  baseURL,
  browser,
}) => {
  await practitioner(page, baseURL, "owner");
  const ownerClient = await addClient(
    { request: page.context().request, origin: baseURL ?? "" },
    { displayName: "Private Person" },
  );

  const other = await browser.newContext({ baseURL: baseURL ?? "" });
  const otherPage = await other.newPage();
  await signUpThroughApi(other.request, baseURL ?? "", newAccount("stranger"));
  for (const id of [ownerClient, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
    const response = await otherPage.goto(`/clients/${id}`);
    expect(response?.status(), `/clients/${id}`).toBe(404);
    await expect(otherPage.getByRole("heading", { level: 1, name: "Client not found" })).toBeVisible();
    await expect(otherPage.getByText("Private Person")).toHaveCount(0);
  }
  await otherPage.getByRole("link", { name: "Back to clients" }).click();
  await expect(otherPage).toHaveURL(/\/clients$/);
  await other.close();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the list is a column of cards that select and open like rows", async ({ page, baseURL }) => {
    const api = await practitioner(page, baseURL, "pocket");
    await addClient(api, { displayName: "Kofi Mensah", email: "kofi@example.test", lifecycleStage: "Core Client" });
    await addClient(api, { displayName: "Zoë Laurent", phone: "+33 6 98 76 54 32" });
    await page.goto("/clients");

    const cards = page.getByRole("list", { name: "Clients" }).getByRole("listitem");
    await expect(cards).toHaveCount(2);
    await expect(page.getByRole("table")).toHaveCount(0);
    await expect(cards.first()).toContainText("kofi@example.test");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await page.getByRole("checkbox", { name: "Select Zoë Laurent" }).tap();
    await expect(page.getByRole("region", { name: "Selected clients" })).toContainText("1 client selected");
    await page.getByRole("link", { name: "Kofi Mensah" }).tap();
    await expect(page.getByRole("heading", { level: 1, name: "Kofi Mensah" })).toBeVisible();
    const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(pageOverflow).toBeLessThanOrEqual(0);
  });
});

async function tagIdByName(request: APIRequestContext, name: string): Promise<string> {
  const response = await request.get("/api/tags");
  const { items } = (await response.json()) as { items: { id: string; name: string }[] };
  const tag = items.find((item) => item.name === name);
  if (!tag) throw new Error(`no tag named ${name}`);
  return tag.id;
}
