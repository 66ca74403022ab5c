import { newAccount, signUpThroughApi } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { horizontalOverflow } from "./support/page-checks";

// A phone-sized screen in London: the hours and the free slots read on the practitioner's own clock.
test.use({ timezoneId: "Europe/London", locale: "en-GB", viewport: { width: 375, height: 812 } });

interface StoredAvailability {
  availability: {
    weeklyHours: Record<string, { start: number; end: number }[]>;
    dailyBookingLimit: number | null;
    isDefault: boolean;
  };
}

/**
 * Serious and critical axe findings on the page. The shell's account menu button (initials shown, the
 * name in its label) is left out: it is on every signed-in page and not part of this screen.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html.slice(0, 120)).join(", ")}`);
}

/** A calendar date some days from now, as a date input takes it. */
function dateInDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test("Settings → Availability: weekly hours with several ranges, refusals by field, overrides, the limit and a slot preview", async ({
  page,
  baseURL,
}) => {
  // One long walk through the screen (two axe passes, a reload) on a shared machine.
  test.setTimeout(120_000);
  const account = newAccount("availability");
  await signUpThroughApi(page.request, baseURL ?? "", account);

  await page.goto("/settings");
  await page.getByRole("link", { name: "Set availability" }).click();
  await expect(page.getByRole("heading", { name: "Availability", level: 1 })).toBeVisible();

  // A new practitioner starts on Monday to Friday, 9:00–17:00.
  const mondayFrom = page.getByLabel("Monday, range 1 from", { exact: true });
  await expect(mondayFrom).toHaveValue("09:00");
  await expect(page.getByLabel("Friday, range 1 to", { exact: true })).toHaveValue("17:00");
  await expect(page.getByRole("listitem").filter({ hasText: "Saturday" }).getByText("Not working")).toBeVisible();
  await expect(page.getByText("These are the suggested hours until you save your own.")).toBeVisible();
  const preview = page.getByRole("list", { name: "Free slots by day" });
  await expect(preview.locator("time").first()).toBeVisible();

  expect((await horizontalOverflow(page)).overflow).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page)).toEqual([]);

  // An evening range that overlaps the day is refused on Monday, and focus goes to Monday's first time.
  await page.getByRole("button", { name: "Add hours on Monday" }).click();
  const eveningFrom = page.getByLabel("Monday, range 2 from", { exact: true });
  const eveningTo = page.getByLabel("Monday, range 2 to", { exact: true });
  await expect(eveningFrom).toHaveValue("18:00");
  await eveningFrom.fill("16:00");
  const save = page.getByRole("button", { name: "Save hours" });
  await save.click();
  await expect(page.getByText("Overlaps 09:00–17:00")).toBeVisible();
  await expect(mondayFrom).toBeFocused();
  await eveningFrom.fill("18:00");
  await eveningTo.fill("20:00");

  // Saturday: an end before the start is refused with both times named; then the range is removed.
  await page.getByRole("button", { name: "Add hours on Saturday" }).click();
  await page.getByLabel("Saturday, range 1 to", { exact: true }).fill("08:00");
  await save.click();
  await expect(page.getByText("09:00–08:00: end after the start")).toBeVisible();
  await page.getByRole("button", { name: "Remove Saturday, range 1", exact: true }).click();

  const limit = page.getByLabel("Daily booking limit");
  await limit.fill("0");
  await save.click();
  await expect(page.getByText("Allow at least 1 session a day, or leave it blank for no limit")).toBeVisible();
  await expect(limit).toBeFocused();
  await limit.fill("4");

  // Monday's two ranges go to every weekday, by keyboard.
  await page.getByRole("button", { name: "Copy to weekdays from Monday" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Thursday, range 2 to", { exact: true })).toHaveValue("20:00");
  await save.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();

  const stored = (await (await page.request.get("/api/availability")).json()) as StoredAvailability;
  expect(stored.availability.isDefault).toBe(false);
  expect(stored.availability.dailyBookingLimit).toBe(4);
  expect(stored.availability.weeklyHours.thursday).toEqual([
    { start: 540, end: 1020 },
    { start: 1080, end: 1200 },
  ]);
  expect(stored.availability.weeklyHours.saturday).toEqual([]);

  // The preview now offers evening starts (18:00–20:00 holds 60-minute sessions at 18:00, 18:30 and 19:00).
  await expect(preview.getByText("19:00").first()).toBeVisible();
  await expect(preview.getByText("19:30")).toHaveCount(0);

  // Overrides: a day off with a note, a second one for the same date refused on the date, different hours.
  const date = page.getByLabel("Date", { exact: true });
  const offDay = dateInDays(20);
  await date.fill(offDay);
  await page.getByLabel("Note").fill("Conference");
  const addOverride = page.getByRole("button", { name: "Add override" });
  await addOverride.click();
  const overrides = page.getByRole("list", { name: "Upcoming overrides" });
  await expect(overrides.getByText("Day off · Conference")).toBeVisible();
  await date.fill(offDay);
  await addOverride.click();
  await expect(page.getByText("This date already has its own hours", { exact: true })).toBeVisible();
  await date.fill(dateInDays(21));
  await page.getByLabel("Different hours").check();
  // Different hours need at least one range: the only one cannot be removed.
  await expect(page.getByRole("button", { name: "Remove Override, range 1", exact: true })).toHaveCount(0);
  await page.getByLabel("Override, range 1 to", { exact: true }).fill("12:00");
  await addOverride.click();
  await expect(overrides.getByText("09:00–12:00")).toBeVisible();
  await expect(overrides.getByRole("listitem")).toHaveCount(2);
  await overrides
    .getByRole("button", { name: /^Remove the override on/ })
    .first()
    .click();
  await expect(overrides.getByRole("listitem")).toHaveCount(1);
  await expect(overrides.getByText("Day off · Conference")).toHaveCount(0);

  // All of it survives a reload.
  await page.reload();
  await expect(page.getByLabel("Tuesday, range 2 from", { exact: true })).toHaveValue("18:00");
  await expect(page.getByLabel("Daily booking limit")).toHaveValue("4");
  await expect(page.getByRole("list", { name: "Upcoming overrides" }).getByText("09:00–12:00")).toBeVisible();
  expect((await horizontalOverflow(page)).overflow).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page)).toEqual([]);
});
