import { newAccount, signUpThroughApi } from "./support/accounts";
import { expect, test } from "./support/fixtures";

// The browser says it is in London; the practitioner then moves the app to a zone 14 hours from UTC.
test.use({ timezoneId: "Europe/London", locale: "en-GB" });

const FAR_ZONE = "Pacific/Kiritimati";

/** What the activity log should show for an instant: the same settings through Node's own ICU. */
function expectedRowTime(iso: string): string {
  const options: Intl.DateTimeFormatOptions = {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZone: FAR_ZONE,
  };
  return new Intl.DateTimeFormat("en-GB", options).format(new Date(iso));
}

test("Settings → Profile: the browser's zone is guessed, a far zone is saved, and the activity log shows times in it", async ({
  page,
  baseURL,
}) => {
  const account = newAccount("profile");
  await signUpThroughApi(page.request, baseURL ?? "", account);

  // The first signed-in page stores the browser's zone: never UTC without the practitioner seeing it.
  await page.goto("/clients");
  await expect(page.getByRole("heading", { name: "Clients", level: 1 })).toBeVisible();
  await expect
    .poll(
      async () =>
        ((await (await page.request.get("/api/profile")).json()) as { profile: { timeZone: string } }).profile.timeZone,
    )
    .toBe("Europe/London");

  await page.goto("/settings");
  await page.getByRole("link", { name: "Edit profile" }).click();
  await expect(page.getByRole("heading", { name: "Profile", level: 1 })).toBeVisible();
  const zone = page.getByLabel("Time zone");
  await expect(zone).toHaveValue("Europe/London");
  const save = page.getByRole("button", { name: "Save changes" });
  await expect(save).toBeDisabled();

  // A zone that does not exist is refused in the form, with the contract's words.
  await zone.fill("Mars/Olympus_Mons");
  await save.click();
  await expect(page.getByText("Choose a time zone from the list")).toBeVisible();

  await zone.fill(FAR_ZONE);
  await page.getByLabel("Business name").fill("Harbour Bodywork");
  await page.getByLabel("Clock").selectOption("h23");
  await page.getByLabel("Week starts on").selectOption("sunday");
  await page.getByLabel("My day starts at").selectOption("4");
  await expect(save).toBeEnabled();
  await save.click();
  await expect(page.getByRole("status").filter({ hasText: "Profile saved" })).toBeVisible();
  await expect(save).toBeDisabled();

  const stored = (await (await page.request.get("/api/profile")).json()) as { profile: Record<string, unknown> };
  expect(stored.profile).toMatchObject({
    timeZone: FAR_ZONE,
    businessName: "Harbour Bodywork",
    hourCycle: "h23",
    weekStart: "sunday",
    dayStartHour: 4,
  });

  await page.goto("/settings/activity");
  await expect(page.getByRole("heading", { name: "Activity", level: 1 })).toBeVisible();
  const table = page.getByRole("table");
  const row = table.getByRole("row").filter({ hasText: "Changed the profile" }).first();
  await expect(row).toBeVisible();
  const time = row.locator("time");
  const iso = (await time.getAttribute("datetime")) ?? "";
  // Kiritimati is UTC+14 all year: the row reads in that zone, named, not in UTC or the browser's London.
  await expect(time).toContainText(expectedRowTime(iso));
  await expect(time).toContainText("GMT+14");

  await row.getByRole("button", { name: /^Details/ }).click();
  await expect(page.locator("dd", { hasText: "businessName,dayStartHour,hourCycle,timeZone,weekStart" })).toBeVisible();
});
