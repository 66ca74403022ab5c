import { fillSignIn, newAccount, signUpThroughApi } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { horizontalOverflow, seriousAxeViolations } from "./support/page-checks";

const GREETING = /^Good (morning|afternoon|evening), Robin$/;

test("signing in lands on Home; a habit added and ticked from the keyboard shows on Home, with its streak", async ({
  page,
  baseURL,
}) => {
  const account = newAccount("habits");
  await signUpThroughApi(page.context().request, baseURL ?? "", account);
  await page.context().clearCookies();

  await page.goto("/sign-in");
  await fillSignIn(page, account.email, account.password);
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await expect(page.getByRole("heading", { level: 1, name: GREETING })).toBeVisible();
  await expect(page.getByTestId("home-date")).toHaveText(/\d{4}/);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Home" })).toHaveAttribute("aria-current", "page");
  // Every section has loaded and says what to do next.
  await expect(page.getByText("No habits yet.")).toBeVisible();
  await expect(page.getByText("All caught up")).toBeVisible();
  await expect(page.getByText("No clients yet.")).toBeVisible();

  await page.getByRole("link", { name: "Add one on the Habits page" }).click();
  await expect(page).toHaveURL(/\/habits$/);
  await expect(page.getByRole("heading", { level: 1, name: "Habits" })).toBeVisible();
  await page.getByRole("button", { name: "Add your first habit" }).click();
  const dialog = page.getByRole("dialog", { name: "New habit" });
  await dialog.getByLabel("Name").fill("Stretch between sessions");
  await dialog.getByRole("button", { name: "Add habit" }).click();
  await expect(dialog).toBeHidden();

  const done = page.getByRole("button", { name: "Done: Stretch between sessions", exact: true });
  await done.focus();
  await page.keyboard.press("Space");
  await expect(done).toHaveAttribute("aria-pressed", "true");
  const row = page.getByTestId("habit-row").filter({ hasText: "Stretch between sessions" });
  await expect(row).toContainText("streak 1 day");
  await expect(row.getByTestId("habit-heatmap")).toHaveAttribute("aria-label", /last 12 weeks: 1 done/);
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Saved, not only shown: Home reads it back from the server.
  await nav.getByRole("link", { name: "Home" }).click();
  await expect(page.getByRole("button", { name: "Done: Stretch between sessions", exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  // Pressing it again clears today's answer.
  await page.getByRole("button", { name: "Done: Stretch between sessions", exact: true }).click();
  await expect(page.getByRole("button", { name: "Done: Stretch between sessions", exact: true })).toHaveAttribute(
    "aria-pressed",
    "false",
  );
  await page.reload();
  await expect(page.getByRole("button", { name: "Done: Stretch between sessions", exact: true })).toHaveAttribute(
    "aria-pressed",
    "false",
  );
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test("the morning check-in is filled in on Home, shown back, and charted on the habits page", async ({
    page,
    baseURL,
  }) => {
    const account = newAccount("checkin");
    await signUpThroughApi(page.context().request, baseURL ?? "", account);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: GREETING })).toBeVisible();

    const form = page.getByRole("form", { name: "morning check-in" });
    for (const [scale, value] of [
      ["Energy", 4],
      ["Mood", 5],
      ["Sleep", 2],
      ["Stress", 3],
    ] as const) {
      await form.getByRole("radio", { name: `${scale} ${value}` }).check();
    }
    await form.getByLabel("One line about today").fill("Short night, good clinic");
    expect((await horizontalOverflow(page)).overflow).toBeLessThanOrEqual(0);
    await form.getByRole("button", { name: "Save check-in" }).tap();

    const answers = page.getByTestId("home-check-in-answers");
    await expect(answers).toContainText("Energy 4/5");
    await expect(answers).toContainText("Sleep 2/5");
    await expect(answers).toContainText("“Short night, good clinic”");
    const overflow = await horizontalOverflow(page);
    expect(overflow.overflow, overflow.culprits.join("\n")).toBeLessThanOrEqual(0);
    expect(overflow.scrollers).toEqual([]);

    await page.goto("/habits");
    const morning = page.getByRole("button", { name: /Morning/ });
    await expect(morning).toContainText("(answered)");
    // With the morning answered the form offers the evening; the morning's answers are one tap away.
    await expect(page.getByRole("button", { name: "Evening" })).toHaveAttribute("aria-pressed", "true");
    await morning.tap();
    await expect(page.getByRole("radio", { name: "Energy 4" })).toBeChecked();
    await expect(
      page.getByRole("img", { name: /Check-ins on 1 of the last 30 days\. Averages: energy 4\.0, mood 5\.0/ }),
    ).toBeVisible();
    const habitsOverflow = await horizontalOverflow(page);
    expect(habitsOverflow.overflow, habitsOverflow.culprits.join("\n")).toBeLessThanOrEqual(0);
    // The shell's account button on a phone shows initials under a longer name (found on every page,
    // not part of this one): checked here is everything else.
    const violations = await seriousAxeViolations(page);
    expect(violations.filter((violation) => !violation.includes('aria-label="Account menu for'))).toEqual([]);
  });
});
