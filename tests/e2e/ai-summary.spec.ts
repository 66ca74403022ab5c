import type { APIRequestContext } from "@playwright/test";
import { newAccount, signUpThroughApi } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { horizontalOverflow, seriousAxeViolations } from "./support/page-checks";
import { startFakeAiProvider, type FakeAiProvider } from "../support/fake-ai-provider";

// playwright.config.ts points the app's AI_BASE_URL at this port, with this key.
let fake: FakeAiProvider;
test.beforeAll(async () => {
  fake = await startFakeAiProvider({ port: Number(process.env.E2E_AI_PORT), apiKey: "e2e-key" });
});
test.afterAll(async () => {
  await fake.close();
});

const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

/** A client with full contact details and one note that repeats them. */
async function clientWithNote(request: APIRequestContext, baseURL: string): Promise<string> {
  const headers = { origin: baseURL };
  const created = await request.post("/api/contacts", {
    data: {
      displayName: "Maya Okafor",
      firstName: "Maya",
      lastName: "Okafor",
      email: "maya.okafor@example.test",
      phone: "+44 7700 900123",
      dateOfBirth: "1984-06-30",
      address: { line1: "14 Larkspur Road", postalCode: "BS7 8QT", city: "Bristol" },
    },
    headers,
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const note = await request.post(`/api/contacts/${id}/notes`, {
    data: {
      bodyJson: {
        type: "doc",
        content: [
          paragraph("Maya Okafor (born 30/06/1984) reports knee pain after running; better with stretching."),
          paragraph("Reach her on 07700 900123 or maya.okafor@example.test, 14 Larkspur Road, BS7 8QT."),
        ],
      },
    },
    headers,
  });
  expect(note.status(), await note.text()).toBe(201);
  return id;
}

test("a practitioner turns AI on, summarises a client, and none of the client's details reach the provider", async ({
  page,
  baseURL,
}) => {
  fake.reset();
  await signUpThroughApi(page.request, baseURL ?? "", newAccount("aisummary"));
  const clientId = await clientWithNote(page.request, baseURL ?? "");

  // Off by default: the panel says so and where to change it.
  await page.goto(`/clients/${clientId}`);
  const panel = page.getByRole("region", { name: "AI summary" });
  await expect(panel.getByText("AI is turned off for your account.")).toBeVisible();
  await panel.getByRole("link", { name: "Open Settings → AI" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "AI" })).toBeVisible();
  await expect(page.getByText("No AI requests yet.")).toBeVisible();

  await page.getByLabel("Use AI features").check();
  await page.getByLabel("Every client except those who declined or withdrew it").check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "AI settings saved" })).toBeVisible();

  await page.goto(`/clients/${clientId}`);
  await panel.getByRole("button", { name: "Summarise" }).click();
  const summary = panel.getByRole("article", { name: "AI-generated summary" });
  await expect(summary.getByText("AI-generated", { exact: true })).toBeVisible();
  // The fake names the placeholders it received; the practitioner reads the client's real details.
  await expect(summary).toContainText("Summary for Maya Okafor");
  await expect(summary).toContainText("From 1 note");
  expect(await seriousAxeViolations(page)).toEqual([]);

  const sent = fake.receivedText().toLowerCase();
  for (const detail of ["maya", "okafor", "7700", "900123", "1984", "larkspur", "bs7 8qt"]) {
    expect(sent, `${detail} reached the provider`).not.toContain(detail);
  }
  expect(sent).toContain("knee pain");
  expect(fake.requests[0]?.authorization).toBe("Bearer e2e-key");

  fake.replyWith(() => "Second look at [CLIENT_1]: keep stretching.");
  await panel.getByRole("button", { name: "Regenerate" }).click();
  await expect(summary).toContainText("Second look at Maya Okafor: keep stretching.");
  expect(fake.requests).toHaveLength(2);
  await summary.getByRole("button", { name: "Dismiss" }).click();
  await expect(summary).toBeHidden();
  await expect(panel.getByRole("button", { name: "Summarise" })).toBeVisible();

  // The month's usage lists both requests.
  await page.goto("/settings/ai");
  const usage = page.getByRole("table", { name: "AI usage by month" });
  await expect(usage.getByRole("row")).toHaveCount(2);
  await expect(usage.getByRole("row").nth(1).getByRole("cell").first()).toHaveText("2");
  expect(await seriousAxeViolations(page)).toEqual([]);
});

test("a client without AI consent and a spent allowance are explained, and nothing is sent", async ({
  page,
  baseURL,
}) => {
  fake.reset();
  await signUpThroughApi(page.request, baseURL ?? "", newAccount("aistates"));
  const clientId = await clientWithNote(page.request, baseURL ?? "");
  const patch = (data: Record<string, unknown>) =>
    page.request.patch("/api/ai/settings", { data, headers: { origin: baseURL ?? "" } });

  expect((await patch({ enabled: true })).status()).toBe(200);
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(`/clients/${clientId}`);
  const panel = page.getByRole("region", { name: "AI summary" });
  await expect(panel.getByText(/has not agreed to AI-assisted processing/)).toBeVisible();
  await expect(panel.getByRole("button", { name: "Summarise" })).toHaveCount(0);
  expect((await horizontalOverflow(page)).overflow).toBeLessThanOrEqual(0);

  expect((await patch({ consentPolicy: "allow_unless_declined", monthlyTokenQuota: 0 })).status()).toBe(200);
  await page.reload();
  await expect(panel.getByText(/used this month's AI allowance/)).toBeVisible();
  await expect(panel.getByRole("link", { name: "Open Settings → AI" })).toBeVisible();
  expect(fake.requests).toHaveLength(0);
});
