import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect } from "vitest";
import { errorBodySchema, type ErrorBody } from "@/lib/contracts/errors";
import type { AuthRoutes } from "./load-auth-routes";
import { TestBrowser } from "../../support/test-browser";

export const PASSWORD = "correct horse battery staple";

/** A data directory of the suite's own, so mail written in embedded mode never lands in the project's `.data/`. */
export function temporaryDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-auth-"));
  // Called while the test file is collected, so the directory goes when the file's tests are done.
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

let accountCount = 0;

export function uniqueEmail(name: string): string {
  accountCount += 1;
  return `${name.toLowerCase()}.${accountCount}.${process.pid}@example.com`;
}

/** Signs up a new practitioner in a browser of their own and returns both. */
export async function signedUpBrowser(
  routes: AuthRoutes,
  name: string,
  browser = new TestBrowser(),
): Promise<{ browser: TestBrowser; email: string; id: string }> {
  const email = uniqueEmail(name);
  const response = await browser.send(routes.signUp, "POST", "/api/auth/sign-up", {
    body: { email, password: PASSWORD, displayName: name },
  });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { user: { id: string } };
  return { browser, email, id: body.user.id };
}

/** Asserts the one JSON error shape and returns it. */
export async function expectError(response: Response, status: number): Promise<ErrorBody["error"]> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const parsed = errorBodySchema.parse(await response.json());
  expect(parsed.error.requestId).toBe(response.headers.get("x-request-id"));
  return parsed.error;
}

/** The text of a quoted-printable MIME body (how mail carries lines longer than 76 characters). */
export function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const RESET_LINK = /\/reset-password\/confirm\?token=([A-Za-z0-9_-]{20,200})/;

/** The reset token of the link in a raw RFC 822 message. */
export function resetTokenIn(rawMessage: string): string | undefined {
  return RESET_LINK.exec(decodeQuotedPrintable(rawMessage))?.[1];
}
