import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { SqlClient } from "@/server/db/sql-client";
import { decodeQuotedPrintable, PASSWORD, signedUpBrowser, temporaryDataDir, uniqueEmail } from "./fixtures";
import { loadAuthRoutes, type AuthRoutes } from "./load-auth-routes";
import { loadSecurityRoutes, type SecurityCall } from "./security-app";
import { NEW_PASSWORD, securityScenarios } from "./security-scenarios";
import { TestBrowser } from "../../support/test-browser";

const dataDir = temporaryDataDir();
const outbox = path.join(dataDir, "mail");
let routes: AuthRoutes;
let call: SecurityCall;
let sql: SqlClient;

beforeAll(async () => {
  routes = await loadAuthRoutes({ DATA_DIR: dataDir, APP_URL: undefined, NEXT_PUBLIC_SUPABASE_URL: undefined });
  call = await loadSecurityRoutes();
  const { getDatabase } = await import("@/server/db");
  ({ sql } = await getDatabase());
});

/** Every message the app wrote to the outbox, decoded. */
function messages(): string[] {
  if (!fs.existsSync(outbox)) return [];
  return fs
    .readdirSync(outbox)
    .sort()
    .map((file) => decodeQuotedPrintable(fs.readFileSync(path.join(outbox, file), "utf8")));
}

const LINK = /\/confirm-email\?token=([A-Za-z0-9_-]{43})/;

describe("embedded accounts: Settings → Security", () => {
  securityScenarios(() => ({
    routes,
    call,
    origin: "http://localhost:3000",
    canCancelEmailChange: true,
    emailChangeToken: async (newEmail) => {
      const mailed = messages().filter((message) => new RegExp(`^To: ${newEmail}`, "mi").test(message));
      return mailed.map((message) => LINK.exec(message)?.[1]).findLast((token) => token !== undefined);
    },
    auditCount: async (userId, action) =>
      (
        await sql.query<{ n: number }>(
          "select count(*)::int as n from public.audit_events where user_id = $1 and action = $2",
          [userId, action],
        )
      )[0]?.n ?? 0,
  }));
});

describe("embedded accounts: email change storage", () => {
  it("stores only the link token's hash, expiring within a day, and tells the old address once the change applies", async () => {
    const { browser, email } = await signedUpBrowser(routes, "Hashed", new TestBrowser());
    const newEmail = uniqueEmail("HashedNew");
    const response = await call(browser, "POST", "/api/auth/email-change", { newEmail, currentPassword: PASSWORD });
    expect(response.status).toBe(202);
    const { settleAfterResponse } = await import("@/server/lifecycle/after-response");
    await settleAfterResponse();
    const token = messages()
      .filter((message) => message.includes(`To: ${newEmail}`))
      .map((message) => LINK.exec(message)?.[1])
      .find(Boolean) as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await sql.query<{ stored: string; hours: number }>(
      `select encode(token_hash, 'escape') as stored,
              round(extract(epoch from expires_at - created_at) / 3600)::int as hours
         from app_private.email_changes where new_email = $1`,
      [newEmail],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.stored).not.toContain(token);
    expect(rows[0]?.hours).toBe(24);
    // The old address gets nothing until the change applies, then a notice.
    const noticesBefore = messages().filter((message) => message.includes(`To: ${email}`)).length;
    expect((await call(new TestBrowser(), "POST", "/api/auth/email-change/confirm", { token })).status).toBe(200);
    await settleAfterResponse();
    const notices = messages().filter(
      (message) => message.includes(`To: ${email}`) && message.includes("email address of your OmniCRM account"),
    );
    expect(noticesBefore).toBe(0);
    expect(notices).toHaveLength(1);
  });

  it("answers an address that already has an account like a free one, mails its owner a note without a link, and changes nothing", async () => {
    const { browser, email } = await signedUpBrowser(routes, "Grabber", new TestBrowser());
    const { email: taken } = await signedUpBrowser(routes, "Owner", new TestBrowser());
    const response = await call(browser, "POST", "/api/auth/email-change", {
      newEmail: taken,
      currentPassword: PASSWORD,
    });
    expect(response.status).toBe(202);
    const { settleAfterResponse } = await import("@/server/lifecycle/after-response");
    await settleAfterResponse();
    const toOwner = messages().filter((message) => message.includes(`To: ${taken}`));
    expect(toOwner.some((message) => message.includes("already has an OmniCRM account"))).toBe(true);
    expect(toOwner.some((message) => LINK.test(message))).toBe(false);
    const rows = await sql.query("select 1 from auth.users where email = $1", [email]);
    expect(rows).toHaveLength(1);
  });
});

describe("per-account limits on changes that check the current password", () => {
  it("refuses the sixth password change in 15 minutes with 429, from any address, the right password included", async () => {
    const { browser, email } = await signedUpBrowser(routes, "Guesser", new TestBrowser());
    for (let attempt = 0; attempt < 5; attempt += 1) {
      // Every request of a TestBrowser comes from a new client address: only the account is counted.
      const response = await call(browser, "POST", "/api/auth/password", {
        currentPassword: `guess number ${attempt}`,
        newPassword: NEW_PASSWORD,
      });
      expect(response.status).toBe(422);
    }
    const limited = await call(browser, "POST", "/api/auth/password", {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    const signIn = await new TestBrowser().send(routes.signIn, "POST", "/api/auth/sign-in", {
      body: { email, password: PASSWORD },
    });
    expect(signIn.status).toBe(200);
  });

  it("refuses the sixth email change in an hour with 429", async () => {
    const { browser } = await signedUpBrowser(routes, "Spammer", new TestBrowser());
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await call(browser, "POST", "/api/auth/email-change", {
        newEmail: uniqueEmail(`Target${attempt}`),
        currentPassword: `guess number ${attempt}`,
      });
      expect(response.status).toBe(422);
    }
    const limited = await call(browser, "POST", "/api/auth/email-change", {
      newEmail: uniqueEmail("TargetLast"),
      currentPassword: PASSWORD,
    });
    expect(limited.status).toBe(429);
  });
});
