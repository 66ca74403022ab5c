import { fillSignIn, newAccount } from "./support/accounts";
import { expect, test, watchConsole } from "./support/fixtures";

const AREAS = [
  { name: "Clients", path: "/clients", emptyState: "No clients yet" },
  { name: "Tasks", path: "/tasks", emptyState: "Nothing due today" },
  { name: "Calendar", path: "/calendar", emptyState: "Today" },
  { name: "Habits", path: "/habits", emptyState: "No habits yet" },
  { name: "Settings", path: "/settings", emptyState: "Account" },
] as const;

test("a signed-out visit to a signed-in page goes to sign-in, and back there after signing in", async ({
  page,
  request,
  baseURL,
}) => {
  const account = newAccount("returning");
  const signUp = await request.post("/api/auth/sign-up", { data: account, headers: { origin: baseURL ?? "" } });
  expect(signUp.status()).toBe(201);

  await page.goto("/calendar");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcalendar$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();

  await fillSignIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/calendar$/);
  await expect(page.getByRole("heading", { level: 1, name: "Calendar" })).toBeVisible();
});

test("sign up, sign out, sign in, walk the shell with the keyboard, sign out of all devices", async ({
  page,
  browser,
}) => {
  const account = newAccount("journey");

  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create your account" })).toBeVisible();
  await page.getByLabel("Your name").fill(account.displayName);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();

  // A new account lands on Home.
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Good (morning|afternoon|evening), / })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("button", { name: new RegExp(account.displayName) })).toBeVisible();

  await page.getByRole("button", { name: new RegExp(account.displayName) }).click();
  await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=signed-out$/);
  await expect(page.getByRole("main").getByRole("status")).toHaveText("You have signed out.");
  await page.goto("/clients");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fclients$/);

  await fillSignIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/clients$/);

  // A second device signed in to the same account, to prove "all devices" reaches it.
  const otherDevice = await browser.newContext();
  const otherPage = await otherDevice.newPage();
  const otherProblems = watchConsole(otherPage);
  await otherPage.goto("/sign-in");
  await fillSignIn(otherPage, account.email, account.password);
  await expect(otherPage).toHaveURL(/\/$/);

  // Skip link first, then every area through the navigation with the keyboard only.
  await page.keyboard.press("Tab");
  const skipLink = page.getByRole("link", { name: "Skip to content" });
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main-content")).toBeFocused();

  const nav = page.getByRole("navigation", { name: "Main" });
  for (const area of AREAS) {
    const link = nav.getByRole("link", { name: area.name });
    for (let presses = 0; presses < 60 && !(await link.evaluate((el) => el === document.activeElement)); presses++) {
      await page.keyboard.press("Shift+Tab");
    }
    await expect(link).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`${area.path}$`));
    await expect(page.getByRole("heading", { level: 1, name: area.name })).toBeVisible();
    await expect(page.getByRole("heading", { name: area.emptyState })).toBeVisible();
    await expect(link).toHaveAttribute("aria-current", "page");
    await expect(nav.locator("[aria-current=page]")).toHaveCount(1);
  }
  await expect(page.getByText(account.email, { exact: true }).first()).toBeVisible();

  // The account menu, opened and worked from the keyboard; cancelling the confirmation changes nothing.
  const accountButton = page.getByRole("button", { name: new RegExp(account.displayName) });
  await accountButton.focus();
  await page.keyboard.press("Enter");
  const signOutEverywhere = page.getByRole("menuitem", { name: "Sign out of all devices" });
  await expect(signOutEverywhere).toBeVisible();
  await page.keyboard.press("End");
  await expect(signOutEverywhere).toBeFocused();
  await page.keyboard.press("Enter");
  const confirmation = page.getByRole("alertdialog", { name: "Sign out of all devices?" });
  await expect(confirmation).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(confirmation).toBeHidden();
  await expect(accountButton).toBeFocused();
  await expect(page).toHaveURL(/\/settings$/);

  await page.getByRole("button", { name: "Sign out of all devices" }).click();
  await expect(confirmation).toBeVisible();
  await confirmation.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=signed-out-everywhere$/);
  await expect(page.getByRole("main").getByRole("status")).toHaveText("You have been signed out on every device.");

  await otherPage.goto("/tasks");
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await expect(otherPage.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  expect(otherProblems).toEqual([]);
  await otherDevice.close();
});
