import { fillSignIn, newAccount, signUpThroughApi } from "./support/accounts";
import { expect, test } from "./support/fixtures";

test("sign-up checks fields in the browser with the API's rules and focuses the first problem", async ({ page }) => {
  await page.goto("/sign-up");
  let signUpCalls = 0;
  page.on("request", (request) => {
    if (request.url().endsWith("/api/auth/sign-up")) signUpCalls++;
  });

  await page.getByRole("button", { name: "Create account" }).click();
  const name = page.getByLabel("Your name");
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Tell us your name")).toBeVisible();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();

  await name.fill("Robin Short");
  await page.getByLabel("Email").fill("robin@example.test");
  await page.getByLabel("Password", { exact: true }).fill("too-short");
  await page.getByRole("button", { name: "Create account" }).click();
  const password = page.getByLabel("Password", { exact: true });
  await expect(password).toBeFocused();
  await expect(page.getByText("Use at least 12 characters")).toBeVisible();
  await expect(password).toHaveAccessibleDescription(/Use at least 12 characters/);
  expect(signUpCalls).toBe(0);

  // The show-password button only works once the page's scripts run under the CSP.
  await page.getByRole("button", { name: "Show password" }).click();
  await expect(password).toHaveAttribute("type", "text");
});

test("an email that already has an account gets the answer any sign-up awaiting confirmation gets", async ({
  page,
  baseURL,
}) => {
  const account = newAccount("taken");
  await signUpThroughApi(page.context().request, baseURL ?? "", account);
  await page.context().clearCookies();

  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Someone Else");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill("another-long-password");
  await page.getByRole("button", { name: "Create account" }).click();

  const notice = page.getByRole("main").getByRole("status");
  await expect(notice).toContainText("Check your email");
  await expect(notice).toBeFocused();
  await page.goto("/clients");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fclients$/);
});

test("wrong passwords are refused, and repeated attempts are told how long to wait", async ({ page, baseURL }) => {
  const account = newAccount("guessed");
  await signUpThroughApi(page.context().request, baseURL ?? "", account);
  await page.context().clearCookies();
  await page.goto("/sign-in");

  const alert = page.getByRole("main").getByRole("alert");
  let limited = false;
  for (let attempt = 1; attempt <= 8 && !limited; attempt++) {
    const answered = page.waitForResponse((response) => response.url().endsWith("/api/auth/sign-in"));
    await fillSignIn(page, account.email, `wrong-password-${attempt}`);
    const response = await answered;
    limited = response.status() === 429;
    if (!limited) {
      expect(response.status()).toBe(401);
      const { error } = (await response.json()) as { error: { message: string } };
      await expect(alert).toHaveText(error.message);
      await expect(alert).toBeFocused();
      await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    }
  }
  expect(limited).toBe(true);
  await expect(alert).toHaveText(/^Too many attempts\. Try again in \d+ minutes\.$/);
  await expect(page).toHaveURL(/\/sign-in$/);
});
