import type { APIRequestContext } from "@playwright/test";
import { newAccount, signUpThroughApi } from "./support/accounts";
import { expect, test } from "./support/fixtures";

async function post<T>(request: APIRequestContext, origin: string, path: string, data: unknown): Promise<T> {
  const response = await request.post(path, { data, headers: { origin } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as T;
}

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

test("two clients with the same email: the notice leads to a merge keeping a field from each and both notes", async ({
  page,
  baseURL,
}) => {
  const origin = baseURL ?? "";
  const request = page.context().request;
  await signUpThroughApi(request, origin, newAccount("dupes"));
  const kept = await post<{ id: string }>(request, origin, "/api/contacts", {
    displayName: "Sam Lee",
    email: "sam.lee@example.com",
    phone: "+44 7700 900123",
  });
  const other = await post<{ id: string }>(request, origin, "/api/contacts", {
    displayName: "Samantha Lee",
    email: "SAM.LEE@example.com",
    referralSource: "Instagram",
    allowDuplicate: true,
  });
  await post(request, origin, `/api/contacts/${kept.id}/notes`, { bodyJson: doc("First visit: shoulder") });
  await post(request, origin, `/api/contacts/${other.id}/notes`, { bodyJson: doc("Booked online: lower back") });

  await page.goto(`/clients/${kept.id}`);
  const notice = page.getByRole("status", { name: "Possible duplicate" });
  await expect(notice).toContainText(/Possible duplicate: Samantha Lee \(same email/);
  await notice.getByRole("link", { name: "Review" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Merge clients" })).toBeVisible();
  // Where both have a value the newer record's is offered first: keep this record's name instead, and
  // take the other's email spelling and its referral source (a field this record leaves empty).
  const name = page.getByRole("group", { name: "Name" });
  await expect(name.getByRole("radio", { name: "Name: Samantha Lee (from Samantha Lee)" })).toBeChecked();
  await name.getByRole("radio", { name: "Name: Sam Lee (from Sam Lee)" }).check();
  await expect(
    page.getByRole("group", { name: "Email" }).getByRole("radio", { name: /^Email: SAM\.LEE@example\.com/ }),
  ).toBeChecked();
  await expect(
    page.getByRole("group", { name: "Phone" }).getByRole("radio", { name: /^Phone: \+44 7700 900123/ }),
  ).toBeChecked();
  await expect(
    page.getByRole("group", { name: "Referred by" }).getByRole("radio", { name: /^Referred by: Instagram/ }),
  ).toBeChecked();
  await expect(
    page.getByText("Notes, consents, tags, photos and history of Samantha Lee move to Sam Lee"),
  ).toBeVisible();

  await page.getByRole("button", { name: "Merge clients" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Merge Samantha Lee into Sam Lee?" });
  await confirm.getByRole("button", { name: "Merge" }).click();

  await expect(page).toHaveURL(new RegExp(`/clients/${kept.id}\\?merged=1$`));
  await expect(page.getByText("Clients merged")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sam Lee");
  await expect(page.getByText("SAM.LEE@example.com").first()).toBeVisible();
  await expect(page.getByText("+44 7700 900123").first()).toBeVisible();
  await expect(page.getByText("Instagram").first()).toBeVisible();
  await expect(page.getByText("First visit: shoulder").first()).toBeVisible();
  await expect(page.getByText("Booked online: lower back").first()).toBeVisible();
  await expect(page.getByRole("status", { name: "Possible duplicate" })).toHaveCount(0);

  const list = (await (await request.get("/api/contacts")).json()) as { items: { id: string }[] };
  expect(list.items.map((item) => item.id)).toEqual([kept.id]);
  expect((await request.get(`/api/contacts/${other.id}`)).status()).toBe(404);
});

test("Find duplicates lists likely pairs; Not a duplicate removes a pair, leaving the empty state", async ({
  page,
  baseURL,
}) => {
  const origin = baseURL ?? "";
  const request = page.context().request;
  await signUpThroughApi(request, origin, newAccount("pairs"));
  await post(request, origin, "/api/contacts", { displayName: "Robin Hart", phone: "07700 900456" });
  await post(request, origin, "/api/contacts", { displayName: "Jo Park", phone: "+44 7700 900456" });

  await page.goto("/clients");
  await page.getByRole("link", { name: "Find duplicates" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Possible duplicates" })).toBeVisible();
  const pairs = page.getByRole("list", { name: "Possible duplicate pairs" });
  await expect(pairs.getByRole("listitem")).toHaveCount(1);
  await expect(pairs).toContainText("Why: same phone");
  await pairs.getByRole("button", { name: /Not a duplicate/ }).click();
  await expect(page.getByRole("heading", { name: "No possible duplicates" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "No possible duplicates" })).toBeVisible();
});
