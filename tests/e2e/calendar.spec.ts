import { TZDate } from "@date-fns/tz";
import type { APIRequestContext, Page } from "@playwright/test";
import { newAccount, signUpThroughApi } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { horizontalOverflow, seriousAxeViolations } from "./support/page-checks";

const ZONE = "America/New_York";

interface BookedAppointment {
  id: string;
  startsAt: string;
  status: string;
}

/** `YYYY-MM-DD` of a zoned date. */
function dayOf(date: TZDate): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Tuesday of next week in the zone (weeks start on Monday), at midnight. */
function nextWeeksTuesday(): TZDate {
  const now = new TZDate(Date.now(), ZONE);
  const sinceMonday = (now.getDay() + 6) % 7;
  return new TZDate(now.getFullYear(), now.getMonth(), now.getDate() - sinceMonday + 8, ZONE);
}

function wallInstant(day: TZDate, hour: number): string {
  return new Date(new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), hour, 0, ZONE).getTime()).toISOString();
}

async function appointmentsAround(request: APIRequestContext, day: TZDate): Promise<BookedAppointment[]> {
  const from = new Date(day.getTime() - 86_400_000).toISOString();
  const to = new Date(day.getTime() + 2 * 86_400_000).toISOString();
  const response = await request.get(`/api/appointments?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: BookedAppointment[] }).items;
}

/** The centre of a day's column at an hour of the time grid. */
async function gridPoint(page: Page, day: string, time: string): Promise<{ x: number; y: number }> {
  const column = await page.locator(`td.fc-timegrid-col[data-date="${day}"]`).boundingBox();
  const slot = page.locator(`td.fc-timegrid-slot-lane[data-time="${time}"]`);
  await slot.scrollIntoViewIfNeeded();
  const row = await slot.boundingBox();
  if (!column || !row) throw new Error(`no grid cell for ${day} ${time}`);
  return { x: column.x + column.width / 2, y: row.y + row.height / 2 };
}

test("the practitioner books from a free time, drags to move with confirmation, completes a session, and a phone shows the day as an agenda", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const account = newAccount("calendar");
  await signUpThroughApi(page.request, baseURL ?? "", account);
  const origin = { origin: baseURL ?? "" };
  expect((await page.request.patch("/api/profile", { data: { timeZone: ZONE }, headers: origin })).status()).toBe(200);
  const clientResponse = await page.request.post("/api/contacts", {
    data: { displayName: "Maya Lindqvist" },
    headers: origin,
  });
  const client = (await clientResponse.json()) as { id: string };
  await page.request.post("/api/contacts", { data: { displayName: "Other Person" }, headers: origin });
  const typeResponse = await page.request.post("/api/session-types", {
    data: { name: "Deep tissue", durationMinutes: 60, color: "#7c3aed", bufferAfterMinutes: 15 },
    headers: origin,
  });
  const sessionType = (await typeResponse.json()) as { id: string };

  await page.goto("/calendar");
  await expect(page.getByRole("heading", { level: 1, name: "Calendar" })).toBeVisible();
  await expect(page.getByText("No sessions today.")).toBeVisible();
  await expect(page.locator(".fc-timegrid-now-indicator-line")).toHaveCount(1);

  // Create: a free time next Tuesday at 10:00 New York time.
  const tuesday = nextWeeksTuesday();
  await page.getByRole("button", { name: /next/i }).click();
  await expect(page.locator(`td.fc-timegrid-col[data-date="${dayOf(tuesday)}"]`)).toBeVisible();
  const tenAm = await gridPoint(page, dayOf(tuesday), "10:00:00");
  await page.mouse.click(tenAm.x, tenAm.y);
  const dialog = page.getByRole("dialog", { name: "New appointment" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Starts")).toHaveValue(`${dayOf(tuesday)}T10:00`);
  await dialog.getByLabel("Search clients").fill("Maya");
  await dialog.getByRole("radio", { name: /Maya Lindqvist/ }).check();
  await dialog.getByRole("button", { name: "Book appointment" }).click();
  await expect(dialog).toBeHidden();
  const event = page.locator(".fc-event", { hasText: "Maya Lindqvist" });
  await expect(event).toBeVisible();
  let [booked] = await appointmentsAround(page.request, tuesday);
  expect(booked?.startsAt).toBe(new Date(wallInstant(tuesday, 10)).toISOString());

  // Move: drag to 14:00 the same day, then confirm.
  // Both ends on screen first (scrolling moves the grid), then measured.
  await gridPoint(page, dayOf(tuesday), "14:00:00");
  await event.scrollIntoViewIfNeeded();
  const twoPm = await gridPoint(page, dayOf(tuesday), "14:00:00");
  const from = await event.boundingBox();
  if (!from) throw new Error("the event has no box");
  await page.mouse.move(from.x + from.width / 2, from.y + 8);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + 40, { steps: 5 });
  // Grabbed 8 px below the event's top: dropped 8 px (plus a little) below 14:00's line.
  const slotHeight = (await page.locator('td.fc-timegrid-slot-lane[data-time="14:00:00"]').boundingBox())?.height ?? 0;
  await page.mouse.move(twoPm.x, twoPm.y - slotHeight / 2 + 8 + 2, { steps: 10 });
  await page.mouse.up();
  const confirm = page.getByRole("alertdialog", { name: /Move the session with Maya Lindqvist/ });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: "Move session" }).click();
  await expect(confirm).toBeHidden();
  await expect
    .poll(async () => (await appointmentsAround(page.request, tuesday))[0]?.startsAt)
    .toBe(new Date(wallInstant(tuesday, 14)).toISOString());

  // Complete: a session that started half an hour ago, opened from Today with the keyboard.
  const started = new Date(Date.now() - 30 * 60_000);
  started.setUTCSeconds(0, 0);
  const pastResponse = await page.request.post("/api/appointments", {
    data: { contactId: client.id, sessionTypeId: sessionType.id, startsAt: started.toISOString() },
    headers: origin,
  });
  expect(pastResponse.status()).toBe(201);
  await page.goto("/calendar");
  const today = page.getByRole("list", { name: "Today's sessions" });
  await expect(today.getByRole("link", { name: "Maya Lindqvist" })).toBeVisible();
  await today.getByRole("button").first().focus();
  await page.keyboard.press("Enter");
  const details = page.getByRole("dialog", { name: "Deep tissue with Maya Lindqvist" });
  await expect(details).toBeVisible();
  await details.getByRole("button", { name: "Mark completed" }).click();
  await expect(details.getByTestId("appointment-status")).toHaveText("Completed");
  await page.keyboard.press("Escape");
  await expect(today).toContainText("Completed");
  expect(await seriousAxeViolations(page)).toEqual([]);

  // The client's page: upcoming and past sessions, last and next visit, counts.
  await page.goto(`/clients/${client.id}`);
  const section = page.getByRole("region", { name: "Appointments" });
  await expect(section.getByRole("list", { name: "Upcoming" })).toContainText("Deep tissue");
  await expect(section.getByRole("list", { name: "Past and cancelled" })).toContainText("Completed");
  await expect(section.getByLabel("Attendance")).toContainText("Completed1");

  // Phone: the day as an agenda list, nothing wider than the screen.
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto("/calendar");
  await expect(page.locator(".fc-list")).toBeVisible();
  await expect(page.locator(".fc-list-event", { hasText: "Maya Lindqvist" })).toBeVisible();
  const overflow = await horizontalOverflow(page);
  expect(overflow.overflow, overflow.culprits.join("\n")).toBeLessThanOrEqual(0);
  booked = (await appointmentsAround(page.request, tuesday))[0];
  expect(booked?.status).toBe("scheduled");
});
