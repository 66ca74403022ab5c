import sharp from "sharp";
import { newAccount, signUpThroughApi } from "./support/accounts";
import { expect, test } from "./support/fixtures";

test("a client photo is uploaded, shown from the private route, refused when not a photo, and removed", async ({
  page,
  baseURL,
}) => {
  const origin = baseURL ?? "";
  await signUpThroughApi(page.request, origin, newAccount("photos"));
  const created = await page.request.post("/api/contacts", {
    data: { displayName: "Ines Moreau" },
    headers: { origin },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  await page.goto(`/clients/${id}`);
  const avatarButton = page.getByRole("button", { name: "Add a photo" });
  await expect(avatarButton).toContainText("IM");

  const jpeg = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: "#4a7" } })
    .jpeg()
    .withMetadata({ exif: { IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 2988/100" } } })
    .toBuffer();
  await avatarButton.click();
  let chooser = page.waitForEvent("filechooser");
  await page.getByRole("menuitem", { name: "Upload photo" }).click();
  await (await chooser).setFiles({ name: "ines.jpg", mimeType: "image/jpeg", buffer: jpeg });

  const photo = page.locator(`img[src^="/api/contacts/${id}/photo?v="]`);
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(1024);
  const served = await page.request.get((await photo.getAttribute("src")) ?? "");
  expect(served.headers()["content-type"]).toBe("image/webp");
  expect(served.headers()["cache-control"]).toBe("private, no-store");

  // A script dressed as a photo: the API's own message is shown, and the photo stays.
  await page.getByRole("button", { name: "Change or remove photo" }).click();
  chooser = page.waitForEvent("filechooser");
  await page.getByRole("menuitem", { name: "Change photo" }).click();
  await (await chooser).setFiles({ name: "notes.jpg", mimeType: "image/jpeg", buffer: Buffer.from("#!/bin/sh\nid\n") });
  await expect(page.getByRole("alert").filter({ hasText: "Upload a JPEG, PNG, WebP or HEIC photo" })).toBeVisible();
  await expect(photo).toBeVisible();

  // From the keyboard this time: the photo button opens its menu with the arrow key.
  await page.getByRole("button", { name: "Change or remove photo" }).focus();
  await page.keyboard.press("ArrowDown");
  await page.getByRole("menuitem", { name: "Remove photo" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("Remove Ines Moreau’s photo?");
  await dialog.getByRole("button", { name: "Remove photo" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Add a photo" })).toContainText("IM");
  expect((await page.request.get(`/api/contacts/${id}/photo`)).status()).toBe(404);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the photo menu offers the camera, and the header still fits the screen", async ({ page, baseURL }) => {
    const origin = baseURL ?? "";
    await signUpThroughApi(page.request, origin, newAccount("photo-phone"));
    const created = await page.request.post("/api/contacts", {
      data: { displayName: "Kofi Mensah-Asante" },
      headers: { origin },
    });
    const { id } = (await created.json()) as { id: string };
    await page.goto(`/clients/${id}`);
    await page.getByRole("button", { name: "Add a photo" }).tap();
    await expect(page.getByRole("menuitem", { name: "Take a photo" })).toBeVisible();
    await expect(page.locator('input[type="file"][capture="environment"]')).toHaveCount(1);
    await expect(page.locator('input[type="file"]:not([capture])')).toHaveAttribute("accept", "image/*");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test("the server refuses a 50 MB photo upload with 413 and stores nothing", async ({ page, baseURL }) => {
  const origin = baseURL ?? "";
  await signUpThroughApi(page.request, origin, newAccount("photo-huge"));
  const created = await page.request.post("/api/contacts", { data: { displayName: "Big File" }, headers: { origin } });
  const { id } = (await created.json()) as { id: string };
  const huge = Buffer.alloc(50 * 1024 * 1024, 0xff);
  const response = await page.request.put(`/api/contacts/${id}/photo`, {
    multipart: { photo: { name: "huge.jpg", mimeType: "image/jpeg", buffer: huge } },
    headers: { origin },
  });
  expect(response.status()).toBe(413);
  expect((await page.request.get(`/api/contacts/${id}/photo`)).status()).toBe(404);
});
