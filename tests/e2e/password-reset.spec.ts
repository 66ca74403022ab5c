import { fillSignIn, newAccount, signUpThroughApi } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { newestMailTo, resetLinkPath } from "./support/outbox";

test("a forgotten password is reset from the emailed link, and the new one signs in", async ({ page, baseURL }) => {
  const account = newAccount("forgetful");
  await signUpThroughApi(page.context().request, baseURL ?? "", account);
  await page.context().clearCookies();

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Email").fill(account.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  const confirmation = page.getByRole("main").getByRole("status");
  await expect(confirmation).toContainText("Check your inbox");
  await expect(confirmation).toBeFocused();

  const link = resetLinkPath(await newestMailTo(account.email));
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  const newPassword = `${account.password}-renewed`;
  await page.getByLabel("New password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();

  await expect(page).toHaveURL(/\/sign-in\?notice=password-changed$/);
  await expect(page.getByRole("main").getByRole("status")).toHaveText(/Your password has been changed/);

  await fillSignIn(page, account.email, account.password);
  await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByLabel("Password", { exact: true }).fill(newPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);

  // The link works once.
  await page.context().clearCookies();
  await page.goto(link);
  await page.getByLabel("New password").fill(`${newPassword}-again`);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(
    page.getByRole("main").getByRole("alert").getByRole("link", { name: "Request a new link" }),
  ).toBeVisible();
});

test("a reset page opened without its code, or with a code cut short, says so", async ({ page }) => {
  // A mail client that wraps long lines can cut the link: the code is then too short to be one.
  for (const path of ["/reset-password/confirm", "/reset-password/confirm?token=abc123"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "This link is incomplete" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Request a new link" })).toHaveAttribute("href", "/reset-password");
  }
});
