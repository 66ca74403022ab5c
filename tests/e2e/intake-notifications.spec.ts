import { newAccount, signUpThroughApi } from "./support/accounts";
import { expect, test, watchConsole } from "./support/fixtures";
import AxeBuilder from "@axe-core/playwright";
import { horizontalOverflow } from "./support/page-checks";

test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

/** A first name with no place to break, so the bell's list must wrap it at 375 px. */
const FIRST_NAME = `Maximiliana${"x".repeat(60)}`;

test("an intake form arriving rings the bell; opening it leads to the client and clears the badge", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const origin = baseURL ?? "";
  await signUpThroughApi(page.context().request, origin, newAccount("bell"));
  const problems = watchConsole(page);

  await page.goto("/clients");
  const bell = page.getByRole("button", { name: /^Notifications, / });
  await expect(bell).toHaveAccessibleName("Notifications, none unread");
  await bell.click();
  await expect(page.getByText("No notifications yet")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(bell).toBeFocused();

  // The client fills in the form from the link, without a session.
  const created = await page.context().request.post("/api/intake-links", {
    data: { label: "First visit" },
    headers: { origin },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { url } = (await created.json()) as { url: string };
  const documents = (await (await page.context().request.get("/api/consent-documents")).json()) as {
    documents: { id: string }[];
  };
  const visitor = await browser.newContext();
  const submitted = await visitor.request.post(`/api/onboard/${new URL(url).pathname.split("/").pop() ?? ""}`, {
    headers: { origin },
    multipart: {
      payload: JSON.stringify({
        firstName: FIRST_NAME,
        lastName: "Lindqvist",
        email: "maximiliana@example.test",
        consents: documents.documents.map((document) => ({ documentId: document.id, granted: true })),
        signature: { typedName: "Maximiliana Lindqvist" },
      }),
    },
  });
  expect(submitted.status(), await submitted.text()).toBe(201);
  await visitor.close();

  // Coming back to the window asks again; the list shows the badge.
  await page.reload();
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
  const listed = page.getByRole("listitem").filter({ hasText: `${FIRST_NAME} Lindqvist` });
  await expect(listed.getByText("New from intake")).toBeVisible();

  // By keyboard: open the bell, move to the notification, follow it.
  await bell.focus();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("dialog", { name: "Notifications" });
  const notification = panel.getByRole("link", { name: new RegExp(`A new intake form from ${FIRST_NAME} arrived`) });
  await expect(notification).toBeVisible();
  await expect(panel.getByText(/just now|minute/)).toBeVisible();
  expect((await horizontalOverflow(page)).overflow).toBeLessThanOrEqual(0);
  // The open panel itself (every page's own checks are in every-page.spec.ts).
  const axe = await new AxeBuilder({ page }).include('[data-slot="popover-content"]').analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await notification.focus();
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/clients\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: `${FIRST_NAME} Lindqvist` })).toBeVisible();
  await expect(bell).toHaveAccessibleName("Notifications, none unread");

  // Opening the client cleared its flag: the list no longer marks it, and the filter finds nobody.
  await page.goto("/clients");
  await expect(page.getByRole("listitem").filter({ hasText: `${FIRST_NAME} Lindqvist` })).toBeVisible();
  await expect(page.getByText("New from intake")).toHaveCount(0);
  const flagged = await page.context().request.get("/api/contacts?newFromIntake=true");
  expect(((await flagged.json()) as { items: unknown[] }).items).toEqual([]);
  expect(problems).toEqual([]);
});

test("Settings → Notifications turns the intake email off and keeps it off", async ({ page, baseURL }) => {
  await signUpThroughApi(page.context().request, baseURL ?? "", newAccount("quiet"));
  await page.goto("/settings/notifications");
  const email = page.getByRole("checkbox", { name: "Email me when an intake form arrives" });
  await expect(email).toBeChecked();
  await email.uncheck();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await page.reload();
  await expect(email).not.toBeChecked();
});
