import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { RATE_LIMIT_POLICIES } from "@/server/security/rate-limit";
import { callerAddressHeaders } from "../../support/caller-address";
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

// Per-account and per-address limits on credentials, embedded mode, in-process limiter, real routes.
const dataDir = temporaryDataDir();
const outbox = path.join(dataDir, "mail");
const { limit: ACCOUNT_LIMIT } = RATE_LIMIT_POLICIES.signInAccountFailures;
const WRONG = "not the password at all";
let routes: AuthRoutes;
let settle: () => Promise<void>;
let verificationCount: () => Promise<number>;
let lockCount: () => Promise<number>;

beforeAll(async () => {
  routes = await loadAuthRoutes({ DATA_DIR: dataDir, APP_URL: undefined, NEXT_PUBLIC_SUPABASE_URL: undefined });
  ({ settleAfterResponse: settle } = await import("@/server/lifecycle/after-response"));
  ({ passwordVerificationCount: verificationCount } = await import("@/server/auth/embedded/password"));
  const { credentialAbuseCounts } = await import("@/server/observability/metrics");
  lockCount = async () => (await credentialAbuseCounts()).locks;
});

let addressCount = 0;
/** A documentation-range address of its own per call, unless one is given (TestBrowser's own are 10.x). */
const freshAddress = () => `198.18.${(addressCount >> 8) & 255}.${++addressCount & 255}`;

async function signIn(email: string, password: string, address = freshAddress()): Promise<Response> {
  return new TestBrowser().send(routes.signIn, "POST", "/api/auth/sign-in", {
    body: { email, password },
    headers: callerAddressHeaders(address),
  });
}

/** What a refused sign-in tells the caller, and how many password checks it cost. */
async function refusal(email: string, password: string) {
  const before = await verificationCount();
  const response = await signIn(email, password);
  const error = await expectError(response, 401);
  return {
    status: response.status,
    code: error.code,
    message: error.message,
    cookies: response.headers.getSetCookie(),
    verifications: (await verificationCount()) - before,
  };
}

function mailsTo(email: string, subject: RegExp): string[] {
  if (!fs.existsSync(outbox)) return [];
  return fs
    .readdirSync(outbox)
    .map((file) => decodeQuotedPrintable(fs.readFileSync(path.join(outbox, file), "utf8")))
    .filter((message) => message.includes(`To: ${email}`) && subject.test(message));
}
const LOCK_SUBJECT = /^Subject: Sign-in to your OmniCRM account is paused$/m;

/** Fails `count` sign-ins on the account, each from a different address. */
async function failFromRotatingAddresses(email: string, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) expect((await signIn(email, WRONG)).status).toBe(401);
}

describe("per-account lock", () => {
  it("caps failed sign-ins per account whatever the address, then refuses even the right password as a wrong one", async () => {
    const { email } = await signedUpBrowser(routes, "Targeted");
    const wrongBefore = await refusal(email, WRONG);
    await failFromRotatingAddresses(email, ACCOUNT_LIMIT - 1);

    const rightWhileLocked = await refusal(email, PASSWORD);
    const wrongWhileLocked = await refusal(email, WRONG);
    expect(rightWhileLocked).toEqual(wrongBefore);
    expect(wrongWhileLocked).toEqual(wrongBefore);
    expect(wrongBefore).toMatchObject({
      status: 401,
      message: "The email or password is incorrect.",
      verifications: 1,
    });
  });

  it("mails the owner exactly once per lock, counts the lock once, and mails nobody for an unknown email", async () => {
    const { email } = await signedUpBrowser(routes, "Notified");
    const locksBefore = await lockCount();
    await failFromRotatingAddresses(email, ACCOUNT_LIMIT - 1);
    await settle();
    expect(mailsTo(email, LOCK_SUBJECT)).toHaveLength(0);

    await failFromRotatingAddresses(email, 1);
    await settle();
    const [notice, ...more] = mailsTo(email, LOCK_SUBJECT);
    expect(more).toHaveLength(0);
    expect(notice).toMatch(/wrong password 10 times within 15 minutes/);
    expect(notice).toContain("http://localhost:3000/reset-password");
    expect(await lockCount()).toBe(locksBefore + 1);

    await failFromRotatingAddresses(email, 3);
    expect((await signIn(email, PASSWORD)).status).toBe(401);
    await settle();
    expect(mailsTo(email, LOCK_SUBJECT)).toHaveLength(1);
    expect(await lockCount()).toBe(locksBefore + 1);

    const ghost = uniqueEmail("ghost");
    const mailsBefore = fs.existsSync(outbox) ? fs.readdirSync(outbox).length : 0;
    await failFromRotatingAddresses(ghost, ACCOUNT_LIMIT);
    await settle();
    expect(fs.existsSync(outbox) ? fs.readdirSync(outbox).length : 0).toBe(mailsBefore);
    expect(await lockCount()).toBe(locksBefore + 2);
  });

  it("a successful password reset ends the lock", async () => {
    const { email } = await signedUpBrowser(routes, "Unlocked");
    await failFromRotatingAddresses(email, ACCOUNT_LIMIT);
    expect((await signIn(email, PASSWORD)).status).toBe(401);

    const requested = await new TestBrowser().send(routes.resetPassword, "POST", "/api/auth/reset-password", {
      body: { email },
    });
    expect(requested.status).toBeLessThan(300);
    await settle();
    // Written after the response: waited for rather than assumed, on a busy machine.
    const resetMail = await vi.waitFor(
      () => {
        const [mail] = mailsTo(email, /^Subject: Reset your OmniCRM password$/m);
        expect(mail, "the reset mail was written").toBeDefined();
        return mail ?? "";
      },
      { timeout: 10_000, interval: 100 },
    );
    const token = resetTokenIn(resetMail);
    const newPassword = `${PASSWORD} renewed`;
    const confirmed = await new TestBrowser().send(routes.confirmReset, "POST", "/api/auth/reset-password/confirm", {
      body: { token, password: newPassword },
    });
    expect(confirmed.status).toBe(200);
    expect((await signIn(email, newPassword)).status).toBe(200);
  });
});

describe("per-address limits across accounts", () => {
  it("stops one address guessing once at each of 25 accounts (password spraying)", async () => {
    const address = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 25; i += 1) statuses.push((await signIn(uniqueEmail(`spray${i}`), WRONG, address)).status);
    const { limit } = RATE_LIMIT_POLICIES.signInIp;
    expect(statuses.slice(0, limit)).toEqual(Array(limit).fill(401));
    expect(statuses.slice(limit)).toEqual(Array(25 - limit).fill(429));
    // Another address is untouched.
    expect((await signIn(uniqueEmail("elsewhere"), WRONG)).status).toBe(401);
  });

  it("stops one address asking for reset links for 25 different emails", async () => {
    const address = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 25; i += 1) {
      const response = await new TestBrowser().send(routes.resetPassword, "POST", "/api/auth/reset-password", {
        body: { email: uniqueEmail(`list${i}`) },
        headers: callerAddressHeaders(address),
      });
      statuses.push(response.status);
    }
    await settle();
    const { limit } = RATE_LIMIT_POLICIES.passwordResetIp;
    expect(statuses.slice(0, limit)).toEqual(Array(limit).fill(202));
    expect(statuses.slice(limit)).toEqual(Array(25 - limit).fill(429));
  });
});
