import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { WEAK_PASSWORD_MESSAGE } from "@/lib/password-strength";
import type { SqlClient } from "@/server/db/sql-client";
import { settleAfterResponse } from "@/server/lifecycle/after-response";
import {
  decodeQuotedPrintable,
  expectError,
  PASSWORD,
  resetTokenIn,
  signedUpBrowser,
  temporaryDataDir,
  uniqueEmail,
} from "./fixtures";
import { loadAuthRoutes, type AuthRoutes } from "./load-auth-routes";
import { TestBrowser } from "../../support/test-browser";

const NEW_PASSWORD = "a brand new passphrase 42";
const dataDir = temporaryDataDir();
const outbox = path.join(dataDir, "mail");
let routes: AuthRoutes;
let sql: SqlClient;

beforeAll(async () => {
  routes = await loadAuthRoutes({ DATA_DIR: dataDir, APP_URL: undefined, NEXT_PUBLIC_SUPABASE_URL: undefined });
  const { getDatabase } = await import("@/server/db");
  ({ sql } = await getDatabase());
});

function mailFiles(): string[] {
  return fs.existsSync(outbox) ? fs.readdirSync(outbox).sort() : [];
}

async function requestReset(email: string): Promise<{ status: number; body: unknown; newMail: string[] }> {
  const before = new Set(mailFiles());
  const response = await new TestBrowser("http://crm.test:3000").send(
    routes.resetPassword,
    "POST",
    "/api/auth/reset-password",
    { body: { email } },
  );
  await settleAfterResponse(); // the mail is sent after the answer
  return { status: response.status, body: await response.json(), newMail: mailFiles().filter((f) => !before.has(f)) };
}

/** Asks for a reset and returns the token from the link in the mail. */
async function resetToken(email: string): Promise<string> {
  const { newMail } = await requestReset(email);
  expect(newMail).toHaveLength(1);
  const message = fs.readFileSync(path.join(outbox, newMail[0] as string), "utf8");
  const token = resetTokenIn(message);
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return token as string;
}

async function confirm(token: string, password = NEW_PASSWORD): Promise<Response> {
  return new TestBrowser().send(routes.confirmReset, "POST", "/api/auth/reset-password/confirm", {
    body: { token, password },
  });
}

async function signInStatus(email: string, password: string): Promise<number> {
  return (await new TestBrowser().send(routes.signIn, "POST", "/api/auth/sign-in", { body: { email, password } }))
    .status;
}

describe("reset request", () => {
  it("answers an existing and an unknown email identically, and mails only the existing one", async () => {
    const { email } = await signedUpBrowser(routes, "Forgetful");
    const existing = await requestReset(email.toUpperCase());
    const unknown = await requestReset(uniqueEmail("ghost"));
    expect(existing.status).toBe(202);
    expect({ status: unknown.status, body: unknown.body }).toEqual({ status: existing.status, body: existing.body });
    expect(existing.newMail).toHaveLength(1);
    expect(unknown.newMail).toHaveLength(0);
  });

  it("writes a readable RFC 822 message, owner-only, linking to the request's origin", async () => {
    const { email } = await signedUpBrowser(routes, "Reader");
    const { newMail } = await requestReset(email);
    const file = path.join(outbox, newMail[0] as string);
    expect(newMail[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-[0-9a-f]{8}\.eml$/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const message = fs.readFileSync(file, "utf8");
    expect(message).toMatch(new RegExp(`^To: ${email.replace(/[.]/g, "\\.")}$`, "m"));
    expect(message).toMatch(/^Subject: Reset your OmniCRM password$/m);
    expect(message).toMatch(/^From: OmniCRM <no-reply@localhost>$/m);
    expect(decodeQuotedPrintable(message)).toMatch(
      /^http:\/\/crm\.test:3000\/reset-password\/confirm\?token=[\w-]{43}$/m,
    );
  });
});

describe("reset confirm", () => {
  it("sets the new password, signs out every session, and works only once", async () => {
    const { browser, email } = await signedUpBrowser(routes, "Resetter");
    expect((await browser.send(routes.user, "GET", "/api/auth/user")).status).toBe(200);
    const token = await resetToken(email);

    const response = await confirm(token);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect((await browser.send(routes.user, "GET", "/api/auth/user")).status).toBe(401);
    expect(await signInStatus(email, PASSWORD)).toBe(401);
    expect(await signInStatus(email, NEW_PASSWORD)).toBe(200);

    const reused = await expectError(await confirm(token, "yet another passphrase"), 400);
    expect(reused.message).toMatch(/invalid, expired or already used/);
    expect(await signInStatus(email, NEW_PASSWORD)).toBe(200);
  });

  it("refuses an expired token", async () => {
    const { email } = await signedUpBrowser(routes, "Late");
    const token = await resetToken(email);
    const [{ minutes } = { minutes: 0 }] = await sql.query<{ minutes: number }>(
      `select round(extract(epoch from max(expires_at) - now()) / 60)::int as minutes from app_private.password_resets`,
    );
    expect(minutes).toBe(60);
    await sql.query(`update app_private.password_resets set expires_at = now() - interval '1 second'`);
    await expectError(await confirm(token), 400);
    expect(await signInStatus(email, PASSWORD)).toBe(200);
  });

  it("spending one link kills the account's other links", async () => {
    const { email } = await signedUpBrowser(routes, "Twice");
    const first = await resetToken(email);
    const second = await resetToken(email);
    expect((await confirm(second)).status).toBe(200);
    await expectError(await confirm(first, "some other passphrase"), 400);
  });

  it("refuses a guessable new password with 422 and the contract's message, and the link still works", async () => {
    const { email } = await signedUpBrowser(routes, "Guessable");
    const token = await resetToken(email);
    for (const weak of ["password1234", "aaaaaaaaaaaa"]) {
      const refused = await expectError(await confirm(token, weak), 422);
      expect(refused.details).toEqual([expect.objectContaining({ path: "password", message: WEAK_PASSWORD_MESSAGE })]);
    }
    expect(await signInStatus(email, PASSWORD)).toBe(200);
    expect((await confirm(token)).status).toBe(200);
  });

  it("checks the token before hashing the new password: a bad token costs no scrypt", async () => {
    const { passwordHashCount } = await import("@/server/auth/embedded/password");
    const { email } = await signedUpBrowser(routes, "Spent");
    const spent = await resetToken(email);
    expect((await confirm(spent)).status).toBe(200);
    const before = await passwordHashCount();
    await expectError(await confirm("z".repeat(43)), 400);
    await expectError(await confirm(spent, "some other passphrase"), 400);
    expect(await passwordHashCount()).toBe(before);
    // Nor an estimate of its strength (which costs CPU too): a made-up token is refused as a bad link first.
    await expectError(await confirm("z".repeat(43), "password1234"), 400);
  });

  it("rejects unknown and malformed tokens with the error shape, never 5xx", async () => {
    await expectError(await confirm("x".repeat(43)), 400);
    await expectError(await confirm("not-a-token-but-long-enough!!"), 400);
    const invalid = await expectError(await confirm("short"), 422);
    expect(invalid.code).toBe("validation_failed");
    await expectError(await confirm("y".repeat(43), "short"), 422);
  });
});
