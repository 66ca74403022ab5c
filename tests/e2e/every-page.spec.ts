import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { signUpThroughApi } from "./support/accounts";
import { expect, reportCspViolations, test, watchConsole } from "./support/fixtures";
import { buildLongData, longAccount, unbroken, type LongData } from "./support/long-data";
import { horizontalOverflow, seriousAxeViolations } from "./support/page-checks";

/**
 * Every page, filled with the longest unbroken data the API accepts, fits its viewport and has no serious
 * or critical axe violation: on a phone (375 × 812) and on a desktop (1280 × 800).
 */

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

interface PageVisit {
  path: string;
  /** The level-1 heading the page shows once its content is in. */
  heading: string | RegExp;
  /** Something the page shows once its data has loaded, where the heading comes first. */
  loaded?: string | RegExp;
}

const NOT_FOUND = "We can’t find that page";

function signedInPages(data: LongData & { duplicateClientId: string }): PageVisit[] {
  return [
    { path: "/clients", heading: "Clients", loaded: /^Bartholomew/ },
    { path: `/clients/${data.clientId}`, heading: /^Bartholomewx+$/, loaded: /^SessionNotex+/ },
    { path: `/clients/${data.intakeClientId}`, heading: /^Maximiliana/, loaded: "Granted" },
    { path: `/clients/${data.intakeClientId}/consents/${data.consentId}`, heading: /\S/ },
    { path: `/clients/${randomUUID()}`, heading: "Client not found" },
    { path: `/clients/${data.intakeClientId}/consents/${randomUUID()}`, heading: "Consent record not found" },
    { path: "/clients/import", heading: /Import/ },
    { path: "/clients/duplicates", heading: "Possible duplicates", loaded: "Why: similar name" },
    {
      path: `/clients/${data.clientId}/merge/${data.duplicateClientId}`,
      heading: "Merge clients",
      loaded: /^Notes, consents/,
    },
    { path: "/settings", heading: "Settings" },
    { path: "/settings/profile", heading: "Profile", loaded: "Dates and times" },
    { path: "/settings/account", heading: "Your data" },
    { path: "/settings/ai", heading: "AI", loaded: "Monthly token allowance" },
    { path: "/settings/activity", heading: "Activity", loaded: "Open client" },
    { path: "/settings/consents", heading: /Consent/ },
    { path: "/settings/intake", heading: "Intake links", loaded: /^IntakeLinkx+/ },
    { path: "/settings/integrations", heading: "Integrations", loaded: "Google" },
    { path: "/settings/notifications", heading: "Notifications", loaded: "Email me when an intake form arrives" },
    { path: "/settings/security", heading: "Security", loaded: "This device" },
    { path: "/settings/tags", heading: "Tags", loaded: /^LongTagOnex+/ },
    { path: "/settings/availability", heading: "Availability", loaded: "Daily booking limit" },
    { path: "/settings/session-types", heading: "Session types" },
    { path: "/", heading: /^Good (morning|afternoon|evening), /, loaded: /CheckInNotex+/ },
    { path: "/habits", heading: "Habits", loaded: /^LongHabitx+$/ },
    { path: "/tasks", heading: "Tasks" },
    { path: "/calendar", heading: "Calendar" },
    { path: "/no-such-page", heading: NOT_FOUND },
  ];
}

function signedOutPages(data: LongData): PageVisit[] {
  return [
    { path: "/sign-in", heading: /Sign in|Welcome/ },
    { path: "/sign-up", heading: /account|Sign up/i },
    { path: "/reset-password", heading: /password/i },
    { path: "/reset-password/confirm?token=x".padEnd(60, "x"), heading: /password/i },
    { path: "/confirm-email?token=x".padEnd(60, "x"), heading: "Confirm your new email address" },
    { path: new URL(data.intakeUrl).pathname, heading: /^Practitioner/, loaded: /^MarketingConsentTitlex+/ },
    { path: `/onboard/${"x".repeat(43)}`, heading: "This link cannot be used" },
  ];
}

const viewports = {
  phone: { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 800 } },
} as const;

let data: LongData & { duplicateClientId: string };
let signedIn: StorageState;

test.beforeAll(async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  await signUpThroughApi(context.request, baseURL ?? "", longAccount());
  const longData = await buildLongData({ request: context.request, origin: baseURL ?? "" });
  // A second record with the long client's name: the duplicate notice, pairs and merge pages get long data too.
  const duplicate = await context.request.post("/api/contacts", {
    data: { displayName: unbroken("Bartholomew", 200), allowDuplicate: true },
    headers: { origin: baseURL ?? "" },
  });
  expect(duplicate.status()).toBe(201);
  data = { ...longData, duplicateClientId: ((await duplicate.json()) as { id: string }).id };
  signedIn = await context.storageState();
  await context.close();
});

async function openContext(browser: Browser, device: keyof typeof viewports, state?: StorageState) {
  const context = await browser.newContext({ ...viewports[device], ...(state ? { storageState: state } : {}) });
  await context.addInitScript(reportCspViolations);
  const page = await context.newPage();
  return { context, page, problems: watchConsole(page) };
}

async function checkPage(page: Page, visit: PageVisit) {
  await page.goto(visit.path);
  // Soft, like every check here: one page's failure must not hide the next page's.
  await expect.soft(page.getByRole("heading", { level: 1 }).first()).toHaveText(visit.heading);
  if (visit.loaded) await expect.soft(page.getByText(visit.loaded).first()).toBeVisible();
  await page.waitForLoadState("networkidle");

  const { overflow, culprits, scrollers } = await horizontalOverflow(page);
  expect
    .soft(overflow, `${visit.path} is wider than the viewport; sticking out:\n${culprits.join("\n")}`)
    .toBeLessThanOrEqual(0);
  expect.soft(scrollers, `${visit.path} has boxes that scroll sideways`).toEqual([]);
  expect.soft(await seriousAxeViolations(page), `${visit.path}: serious or critical axe violations`).toEqual([]);
}

for (const device of Object.keys(viewports) as (keyof typeof viewports)[]) {
  test(`on a ${device}, every page fits the screen and passes axe with the longest data`, async ({ browser }) => {
    test.setTimeout(240_000);
    for (const [pages, state] of [
      [signedInPages(data), signedIn],
      [signedOutPages(data), undefined],
    ] as const) {
      const { context, page, problems } = await openContext(browser, device, state);
      for (const visit of pages) await test.step(visit.path, () => checkPage(page, visit));
      expect.soft(problems, "console errors and CSP violations").toEqual([]);
      await context.close();
    }
  });
}
