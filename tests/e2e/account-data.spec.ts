import { newAccount, signUpThroughApi } from "./support/accounts";
import { expect, test } from "./support/fixtures";

test("Your data: the export downloads as a ZIP, and the account is deleted only after the typed confirmation", async ({
  page,
  baseURL,
}) => {
  const account = newAccount("gdpr");
  await signUpThroughApi(page.request, baseURL ?? "", account);
  const created = await page.request.post("/api/contacts", {
    data: { displayName: "Noor Haddad" },
    headers: { origin: baseURL ?? "" },
  });
  expect(created.status()).toBe(201);

  await page.goto("/settings");
  await page.getByRole("link", { name: "Export or delete your data" }).click();
  await expect(page.getByRole("heading", { name: "Your data" })).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download all my data" }).click();
  expect((await download).suggestedFilename()).toMatch(/^omnicrm-export-\d{4}-\d{2}-\d{2}\.zip$/);

  const button = page.getByRole("button", { name: "Delete my account" });
  const confirmation = page.getByLabel(/Type .delete my account. or your email/);
  await expect(button).toBeDisabled();
  await confirmation.fill("delete my acount");
  await expect(button).toBeDisabled();
  await confirmation.fill("delete my account");
  await expect(button).toBeEnabled();
  await button.click();

  await expect(page).toHaveURL(/\/sign-in\?notice=account-deleted$/);
  await expect(page.getByText("Your account and all of its data have been deleted.")).toBeVisible();
  const me = await page.request.get("/api/auth/user");
  expect(me.status()).toBe(401);
});
