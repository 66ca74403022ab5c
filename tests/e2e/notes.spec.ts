import type { APIRequestContext, Page } from "@playwright/test";
import { newAccount, signUpThroughApi } from "./support/accounts";
import { expect, test } from "./support/fixtures";

/** A signed-in practitioner with one client, on that client's page. */
async function openClientPage(page: Page, request: APIRequestContext, baseURL: string, label: string) {
  await signUpThroughApi(request, baseURL, newAccount(label));
  const created = await request.post("/api/contacts", {
    data: { displayName: "Maya Okafor", phone: "+44 7700 900123" },
    headers: { origin: baseURL },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await page.goto(`/clients/${id}`);
  const notes = page.getByRole("region", { name: "Notes" });
  await expect(notes.getByText("No notes yet")).toBeVisible();
  return { id, notes };
}

async function typeAtEnd(page: Page, editor: ReturnType<Page["getByRole"]>, text: string) {
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(text);
}

test("a note from a template is written, autosaved, signed, locked and amended", async ({ page, baseURL }) => {
  const { notes } = await openClientPage(page, page.request, baseURL ?? "", "notes");

  await notes.getByRole("button", { name: "New note" }).click();
  await page.getByRole("menuitem", { name: /SOAP note/ }).click();
  const editor = notes.getByRole("textbox", { name: /Draft note/ });
  await expect(editor.getByRole("heading", { name: "Subjective" })).toBeVisible();
  await typeAtEnd(page, editor, "Sleeping better since last visit.");
  await expect(notes.getByRole("status").filter({ hasText: /^Saved / })).toBeVisible();

  await notes.getByRole("button", { name: "Sign and lock" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Sign and lock this note?" });
  await dialog.getByRole("button", { name: "Sign and lock" }).click();
  await expect(dialog).toBeHidden();
  await expect(notes.getByText(/^Signed /)).toBeVisible();
  await expect(notes.getByRole("textbox")).toHaveCount(0);
  await expect(notes.getByText("Sleeping better since last visit.")).toBeVisible();

  await notes.getByRole("button", { name: "Add amendment" }).click();
  await notes.getByLabel("Amendment").fill("Client called the next day: still sleeping well.");
  await notes.getByRole("button", { name: "Add amendment" }).click();
  await expect(notes.getByText(/^Amendment · /)).toBeVisible();

  // After a reload everything reads back from the server the same way.
  await page.reload();
  await expect(notes.getByText("Client called the next day: still sleeping well.")).toBeVisible();
  await expect(notes.getByText(/^Signed /)).toBeVisible();

  await notes.getByRole("button", { name: "New note" }).click();
  await page.getByRole("menuitem", { name: /Start from my last note/ }).click();
  const copy = notes.getByRole("textbox", { name: /Draft note/ });
  await expect(copy.getByText("Sleeping better since last visit.")).toBeVisible();
  await expect(notes.getByRole("article")).toHaveCount(2);
});

test("text typed while saves fail is kept, retried and restored after a reload", async ({ page, baseURL }) => {
  const { id, notes } = await openClientPage(page, page.request, baseURL ?? "", "autosave");
  await notes.getByRole("button", { name: "New note" }).click();
  await page.getByRole("menuitem", { name: /Free-form/ }).click();
  const editor = notes.getByRole("textbox", { name: /Draft note/ });

  // The server refuses every save for now (as a rate limit would): the text must survive it.
  await page.route("**/api/notes/*", (route) =>
    route.request().method() === "PATCH"
      ? route.fulfill({ status: 429, headers: { "retry-after": "30" }, json: {} })
      : route.fallback(),
  );
  await typeAtEnd(page, editor, "Knee pain down to 3 of 10.");
  await expect(notes.getByRole("status").filter({ hasText: "Couldn't save — retrying" })).toBeVisible();

  await page.unroute("**/api/notes/*");
  page.on("dialog", (dialog) => void dialog.accept());
  await page.reload();
  await expect(notes.getByText("Restored text from this browser that had not been saved yet.")).toBeVisible();
  await expect(notes.getByRole("textbox", { name: /Draft note/ })).toContainText("Knee pain down to 3 of 10.");
  await expect(notes.getByRole("status").filter({ hasText: /^Saved / })).toBeVisible();

  const listed = await page.request.get(`/api/contacts/${id}/notes`);
  expect(((await listed.json()) as { items: { bodyText: string }[] }).items[0]?.bodyText).toBe(
    "Knee pain down to 3 of 10.",
  );
});
