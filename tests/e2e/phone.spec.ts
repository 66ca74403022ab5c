import { newAccount, signUpThroughApi } from "./support/accounts";
import { expect, test } from "./support/fixtures";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test("on a phone the navigation sits behind a menu button and opens as a sheet", async ({ page, baseURL }) => {
  const account = newAccount("phone");
  await signUpThroughApi(page.context().request, baseURL ?? "", account);

  await page.goto("/clients");
  await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  const menuButton = page.getByRole("button", { name: "Open menu" });
  await expect(menuButton).toBeVisible();
  await expect(page.getByRole("button", { name: `Account menu for ${account.displayName}` })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await menuButton.tap();
  const sheet = page.getByRole("dialog", { name: "OmniCRM" });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole("link", { name: "Clients" })).toHaveAttribute("aria-current", "page");
  await sheet.getByRole("link", { name: "Tasks" }).tap();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(sheet).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Tasks" })).toBeVisible();

  await menuButton.tap();
  await expect(sheet).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
  await expect(menuButton).toBeFocused();

  await page.getByRole("button", { name: `Account menu for ${account.displayName}` }).tap();
  await expect(page.getByRole("menu")).toContainText(account.email);
});
