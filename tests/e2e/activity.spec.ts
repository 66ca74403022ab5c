import { readFile } from "node:fs/promises";
import { newAccount, signUpThroughApi } from "./support/accounts";
import { expect, test } from "./support/fixtures";

test("Settings → Activity lists what happened, filters it, shows details from the keyboard and exports CSV", async ({
  page,
  baseURL,
}) => {
  const account = newAccount("activity");
  await signUpThroughApi(page.request, baseURL ?? "", account);
  const created = await page.request.post("/api/contacts", {
    data: { displayName: "Mara Quinn" },
    headers: { origin: baseURL ?? "" },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await page.goto(`/clients/${id}`);
  await expect(page.getByRole("heading", { name: "Mara Quinn" })).toBeVisible();

  await page.goto("/settings");
  await page.getByRole("link", { name: "View activity" }).click();
  await expect(page.getByRole("heading", { name: "Activity", level: 1 })).toBeVisible();
  const table = page.getByRole("table");
  await expect(table.getByRole("cell", { name: "Viewed a client record", exact: true })).toHaveCount(1);
  await expect(table.getByRole("cell", { name: "Created a client", exact: true })).toHaveCount(1);
  await expect(table.getByRole("link", { name: "Open client" }).first()).toHaveAttribute("href", `/clients/${id}`);
  // The client's name never reaches the log.
  await expect(page.getByText("Mara Quinn")).toHaveCount(0);

  const details = page.getByRole("button", { name: "Details of Viewed a client record" });
  await details.focus();
  await page.keyboard.press("Enter");
  await expect(details).toHaveAttribute("aria-expanded", "true");
  await expect(page.locator("dt:visible", { hasText: "Request id" })).toHaveCount(1);

  await page.getByLabel("Category").selectOption({ label: "Sign-in and sessions" });
  await expect(page.getByRole("heading", { name: "No activity matches these filters" })).toBeVisible();
  await page.getByLabel("Category").selectOption({ label: "Client records" });
  await page.getByLabel("Action").selectOption({ label: "Viewed a client record" });
  await expect(table.getByRole("row")).toHaveCount(2);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^activity-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await file.path()) ?? "", "utf8");
  expect(csv).toContain(`client.viewed,Viewed a client record,client,${id}`);

  // Links to the client were in view here (the router prefetches their titles): still exactly one view.
  const views = await page.request.get(`/api/audit-events?action=client.viewed&targetId=${id}`);
  expect(((await views.json()) as { items: unknown[] }).items).toHaveLength(1);
});
