import sharp from "sharp";
import { newAccount, signUpThroughApi } from "./support/accounts";
import { expect, test, watchConsole } from "./support/fixtures";

/** A small real JPEG, made here so no binary fixture is committed. */
const photoFixture = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 140, b: 200 } } })
    .jpeg()
    .toBuffer();

test("a client fills in an intake link on a phone and becomes a client with photo, consents and audit trail", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const account = newAccount("intake");
  await signUpThroughApi(page.context().request, baseURL ?? "", account);

  // The practitioner creates a link and sees its URL once.
  await page.goto("/settings/intake");
  await expect(page.getByRole("heading", { level: 1, name: "Intake links" })).toBeVisible();
  await expect(page.getByText("No intake links yet")).toBeVisible();
  await page.getByLabel("Label").fill("Rosa's first visit");
  await page.getByRole("button", { name: "Create link" }).click();
  await expect(page.getByText("it will not be shown again")).toBeVisible();
  const url = await page.getByLabel("Intake link URL").inputValue();
  expect(url).toMatch(/\/onboard\/[A-Za-z0-9_-]{43}$/);
  const links = page.getByRole("table", { name: "Intake links" });
  await expect(links.getByRole("row", { name: /Rosa's first visit/ })).toContainText("Active");

  // The client, on a phone, without a session.
  const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const client = await phone.newPage();
  const problems = watchConsole(client);
  await client.goto(url);
  await expect(client.getByRole("heading", { level: 1, name: account.displayName })).toBeVisible();
  const overflow = await client.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await client.getByLabel("First name").fill("Rosa");
  await client.getByLabel("Last name").fill("Lindqvist");
  await client.getByLabel("Email").fill("rosa.intake@example.test");
  await client.getByLabel("Phone (optional)").fill("+46 70 123 4567");
  await client.getByLabel("Street address").fill("Storgatan 1");
  await client.getByLabel("City").fill("Umeå");
  await client.getByLabel("Name", { exact: true }).fill("Erik Lindqvist");
  await client.getByLabel("Allergies").fill("Latex\nPeanuts");
  await client
    .getByLabel("Your photo")
    .setInputFiles({ name: "me.jpg", mimeType: "image/jpeg", buffer: await photoFixture() });

  // Sending without the required consent is stopped in the browser.
  await client.getByRole("button", { name: "Send my form" }).tap();
  await expect(client.getByText("Please agree to the required consent to continue.")).toBeVisible();

  await client.getByRole("checkbox", { name: "I have read this and agree." }).check();
  const optional = client.getByRole("group", { name: /\(optional\)/ });
  await expect(optional).toHaveCount(4);
  await optional.nth(0).getByRole("radio", { name: "I agree", exact: true }).check();
  await optional.nth(1).getByRole("radio", { name: "I do not agree" }).check();
  await optional.nth(2).getByRole("radio", { name: "I do not agree" }).check();
  await optional.nth(3).getByRole("radio", { name: "I do not agree" }).check();
  await client.getByLabel("Full name").fill("Rosa Lindqvist");

  const canvas = client.getByTestId("signature-canvas");
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error("the signature canvas has no size");
  await client.mouse.move(box.x + 20, box.y + box.height / 2);
  await client.mouse.down();
  await client.mouse.move(box.x + 120, box.y + 30, { steps: 8 });
  await client.mouse.move(box.x + 220, box.y + box.height - 30, { steps: 8 });
  await client.mouse.up();
  await expect(client.getByText("Signature drawn.")).toBeVisible();

  await client.getByRole("button", { name: "Send my form" }).tap();
  await expect(client.getByRole("heading", { name: "Thank you, your form has been sent" })).toBeVisible();

  // A second use of the one-use link is refused, with the one friendly page.
  await client.goto(url);
  await expect(client.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
  await expect(client.getByLabel("First name")).toHaveCount(0);
  expect(problems, "console errors on the public form").toEqual([]);
  await phone.close();

  // The practitioner sees the new client with the photo.
  await page.goto("/clients");
  await page.getByRole("link", { name: "Rosa Lindqvist" }).first().click();
  await expect(page).toHaveURL(/\/clients\/[0-9a-f-]{36}$/);
  const clientId = page.url().split("/").pop() ?? "";
  await expect(page.getByRole("heading", { level: 1, name: "Rosa Lindqvist" })).toBeVisible();
  const photo = page.locator(`img[src^="/api/contacts/${clientId}/photo"]`).first();
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);

  // The client page's Consents section shows each kind as answered.
  const current = page.getByRole("list", { name: "Current consents" });
  await expect(current.getByRole("listitem").filter({ hasText: "Data processing" })).toContainText("Granted");
  await expect(current.getByRole("listitem").filter({ hasText: "Marketing" })).toContainText("Granted");
  await expect(current.getByRole("listitem").filter({ hasText: "Photography" })).toContainText("Declined");

  // Each record names the typed and the drawn signature.
  const consents = await page.context().request.get(`/api/contacts/${clientId}/consents`);
  expect(consents.status()).toBe(200);
  const { consents: records } = (await consents.json()) as {
    consents: { kind: string; decision: string; signatureName: string; signatureImage: string | null }[];
  };
  expect(Object.fromEntries(records.map((record) => [record.kind, record.decision]))).toEqual({
    data_processing: "granted",
    marketing: "granted",
    photography: "declined",
    health_information_sharing: "declined",
    ai_processing: "declined",
  });
  expect(records.every((record) => record.signatureName === "Rosa Lindqvist")).toBe(true);
  expect(records.every((record) => record.signatureImage?.startsWith("data:image/png;base64,"))).toBe(true);

  // The audit trail (Settings → Activity has no page yet, so through its API).
  const audit = await page.context().request.get(`/api/audit-events?targetId=${clientId}`);
  expect(audit.status()).toBe(200);
  const actions = ((await audit.json()) as { items: { action: string }[] }).items.map((event) => event.action);
  expect(actions).toEqual(expect.arrayContaining(["intake.submitted", "photo.uploaded"]));

  await page.goto("/settings/intake");
  await expect(links.getByRole("row", { name: /Rosa's first visit/ })).toContainText("Used up");
});

test("revoking a link asks first, marks it revoked, and leaves focus on the links table", async ({ page, baseURL }) => {
  await signUpThroughApi(page.context().request, baseURL ?? "", newAccount("revoke"));
  await page.goto("/settings/intake");
  await page.getByLabel("Label").fill("Walk-in Tuesday");
  await page.getByRole("button", { name: "Create link" }).click();
  const links = page.getByRole("table", { name: "Intake links" });
  const row = links.getByRole("row", { name: /Walk-in Tuesday/ });
  await expect(row).toContainText("Active");

  await row.getByRole("button", { name: "Revoke Walk-in Tuesday" }).click();
  const confirmation = page.getByRole("alertdialog", { name: "Revoke “Walk-in Tuesday”?" });
  await confirmation.getByRole("button", { name: "Cancel" }).click();
  await expect(row.getByRole("button", { name: "Revoke Walk-in Tuesday" })).toBeFocused();
  await page.keyboard.press("Enter");
  await confirmation.getByRole("button", { name: "Revoke link" }).click();
  await expect(confirmation).toBeHidden();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button")).toHaveCount(0);
  await expect(links).toBeFocused();
});
