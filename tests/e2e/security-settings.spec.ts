import { randomBytes } from "node:crypto";
import { fillSignIn, newAccount, signUpThroughApi } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { newestMailTo } from "./support/outbox";

test("another session is signed out from Settings → Security, the password is changed, and the new one signs in", async ({
  page,
  browser,
  baseURL,
}) => {
  const origin = baseURL ?? "";
  const account = newAccount("security");
  await signUpThroughApi(page.context().request, origin, account);

  // The same account signed in on a second device.
  const laptop = await browser.newContext();
  const signIn = await laptop.request.post("/api/auth/sign-in", {
    data: { email: account.email, password: account.password },
    headers: { origin },
  });
  expect(signIn.status()).toBe(200);

  await page.goto("/settings");
  await page.getByRole("link", { name: "Manage security" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Security" })).toBeVisible();
  const sessions = page.getByRole("list", { name: "Active sessions" });
  await expect(sessions.getByRole("listitem")).toHaveCount(2);
  await expect(sessions.getByText("This device")).toHaveCount(1);

  await sessions.getByRole("button", { name: /^Sign out/ }).click();
  const dialog = page.getByRole("alertdialog", { name: "Sign out this session?" });
  await dialog.getByRole("button", { name: "Sign out" }).click();
  await expect(dialog).toBeHidden();
  await expect(sessions.getByRole("listitem")).toHaveCount(1);
  expect((await laptop.request.get("/api/auth/user")).status()).toBe(401);
  await laptop.close();

  const newPassword = `amber lantern ${randomBytes(3).toString("hex")} folds seven maps`;
  const passwordForm = page.getByRole("form", { name: "Change password" });
  await passwordForm.getByLabel("Current password").fill("not my password at all");
  await passwordForm.getByLabel("New password").fill(newPassword);
  await passwordForm.getByRole("button", { name: "Change password" }).click();
  // On the field it is about (and in the form's alert above).
  await expect(passwordForm.getByLabel("Current password")).toHaveAccessibleDescription(
    /The current password is incorrect\./,
  );

  await passwordForm.getByLabel("Current password").fill(account.password);
  await passwordForm.getByRole("button", { name: "Change password" }).click();
  await expect(passwordForm.getByRole("status")).toContainText("Password changed");

  await page.context().clearCookies();
  await page.goto("/sign-in");
  await fillSignIn(page, account.email, account.password);
  await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill(newPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
});

test("the email changes only once the link mailed to the new address is confirmed", async ({ page, baseURL }) => {
  const account = newAccount("moving");
  await signUpThroughApi(page.context().request, baseURL ?? "", account);
  const newEmail = `moved-${randomBytes(4).toString("hex")}@example.test`;

  await page.goto("/settings/security");
  const emailForm = page.getByRole("form", { name: "Change email" });
  await emailForm.getByLabel("New email address").fill(newEmail);
  await emailForm.getByLabel("Current password").fill(account.password);
  await emailForm.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(page.getByRole("status").filter({ hasText: `We sent a link to ${newEmail}` })).toBeVisible();

  const message = await newestMailTo(newEmail);
  const link = /https?:\/\/[^\s"<>]+(\/confirm-email\?token=[A-Za-z0-9_-]+)/.exec(message)?.[1];
  expect(link).toBeDefined();
  await page.goto(link as string);
  await page.getByRole("button", { name: "Confirm new address" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText(newEmail);

  await page.context().clearCookies();
  await page.goto("/sign-in");
  await fillSignIn(page, newEmail, account.password);
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
});
