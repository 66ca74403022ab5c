import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export interface TestAccount {
  displayName: string;
  email: string;
  password: string;
}

/** A practitioner no other test uses. */
export function newAccount(label: string): TestAccount {
  const id = randomBytes(4).toString("hex");
  return {
    displayName: `Robin ${label[0]?.toUpperCase() ?? ""}${label.slice(1)}`,
    email: `${label}-${id}@example.test`,
    password: `calm-waters-${id}`,
  };
}

/** Creates the account through the API with the page's cookie jar, so the page is signed in afterwards. */
export async function signUpThroughApi(request: APIRequestContext, baseURL: string, account: TestAccount) {
  const response = await request.post("/api/auth/sign-up", { data: account, headers: { origin: baseURL } });
  expect(response.status(), await response.text()).toBe(201);
}

export async function fillSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
