import type { Page } from "@playwright/test";
import { newAccount, signUpThroughApi } from "./support/accounts";
import { expect, test } from "./support/fixtures";

/** Every page is rendered per request, so each response's scripts carry that response's CSP nonce. */
async function expectNoncedScripts(page: Page, path: string) {
  const response = await page.goto(path);
  const csp = response?.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, `${path} has a nonce in its CSP`).toBeTruthy();
  const scriptNonces = await page
    .locator("script")
    .evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces), `${path} scripts all carry this response's nonce`).toEqual(new Set([nonce]));
}

test("signed-out pages render with nonced scripts and no CSP violations", async ({ page }) => {
  for (const path of ["/sign-in", "/sign-up", "/reset-password", "/reset-password/confirm?token=x"]) {
    await expectNoncedScripts(page, path);
  }
});

test("every page names its icon, and the icon is served", async ({ page, request }) => {
  await page.goto("/sign-in");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href, "the page links an icon, so browsers do not ask for a missing /favicon.ico").toBeTruthy();
  const icon = await request.get(href ?? "");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});

test("signed-in pages render with nonced scripts and no CSP violations", async ({ page, baseURL }) => {
  await signUpThroughApi(page.context().request, baseURL ?? "", newAccount("nonce"));
  for (const path of ["/", "/clients", "/habits", "/tasks", "/calendar", "/settings", "/no-such-page"]) {
    await expectNoncedScripts(page, path);
  }
  await expect(page.getByRole("heading", { level: 1, name: "We can’t find that page" })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: /^Good (morning|afternoon|evening), / })).toBeVisible();
  // Signed-out pages send a signed-in practitioner on to where they were going.
  await page.goto("/sign-in?next=%2Ftasks");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto("/sign-up?next=https%3A%2F%2Fevil.example%2F");
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
});

test("an unknown API path answers 404 in the one JSON error shape", async ({ request, baseURL }) => {
  for (const method of ["GET", "POST"] as const) {
    const response = await request.fetch("/api/no-such-route", { method, headers: { origin: baseURL ?? "" } });
    expect(response.status(), `${method} /api/no-such-route`).toBe(404);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
  }
});
