import { newAccount, signUpThroughApi } from "./support/accounts";
import { expect, test } from "./support/fixtures";

/** The fake Google the server is configured against (playwright.config.ts starts it). */
const googleUrl = process.env.E2E_GOOGLE_URL ?? "";

test("connect Google against the fake, read a client's email on their timeline, disconnect", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  await signUpThroughApi(page.request, baseURL ?? "", newAccount("gmail"));
  const created = await page.request.post("/api/contacts", {
    data: { displayName: "Nora Quinn", email: "nora.quinn@client.example" },
    headers: { origin: baseURL ?? "" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const mail = await page.request.post(`${googleUrl}/__fake/mail`, {
    data: {
      from: "Nora Quinn <nora.quinn@client.example>",
      to: ["practitioner@gmail.example"],
      subject: "Moving Thursday's session",
      text: "Could we do 10:00 instead of 9:00?",
    },
  });
  expect(mail.status()).toBe(201);

  await page.goto("/settings/integrations");
  await expect(page.getByRole("heading", { name: "Integrations" })).toBeVisible();
  await page.getByRole("link", { name: "Connect Google" }).click();
  // The fake consent screen sends the browser straight back with a code.
  await expect(page).toHaveURL(/\/settings\/integrations\?google=connected$/);
  await expect(page.getByText("Google is connected.")).toBeVisible();
  await expect(page.getByText("practitioner@gmail.example")).toBeVisible();

  // The embedded job runner syncs within seconds; the timeline shows the email once it has.
  await page.goto(`/clients/${id}`);
  const timeline = page.getByRole("region", { name: "Timeline" });
  const email = timeline.getByRole("button", { name: /Moving Thursday's session/ });
  await expect(async () => {
    await page.reload();
    await expect(email).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 45_000 });
  await email.click();
  await expect(email).toHaveAttribute("aria-expanded", "true");
  await expect(timeline.getByText("Could we do 10:00 instead of 9:00?")).toBeVisible();

  await page.goto("/settings/integrations");
  await page.getByRole("button", { name: "Disconnect" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Disconnect" }).click();
  await expect(page.getByRole("link", { name: "Connect Google" })).toBeVisible();
  await page.goto(`/clients/${id}`);
  await expect(page.getByRole("region", { name: "Timeline" }).getByText("Nothing here yet")).toBeVisible();
});
