import { beforeAll, describe, expect, it, vi } from "vitest";
import type * as AfterResponseModule from "@/server/lifecycle/after-response";
import type { MailMessage } from "@/server/mail";
import { signedUpBrowser, temporaryDataDir, uniqueEmail } from "./fixtures";
import { loadAuthRoutes, type AuthRoutes } from "./load-auth-routes";
import { TestBrowser } from "../../support/test-browser";

// The reset request's answer must not depend on whether the account exists: not in its body, and
// not in its timing. Timing is not asserted (too noisy); the work on the request path is.
const scheduled: string[] = [];
const delivered: MailMessage[] = [];
let releaseMail: () => void = () => undefined;
const mailHeld = new Promise<void>((resolve) => (releaseMail = resolve));

vi.doMock("@/server/lifecycle/after-response", async (importOriginal) => {
  const actual = await importOriginal<typeof AfterResponseModule>();
  return {
    ...actual,
    afterResponse: (name: string, task: () => Promise<void>) => {
      scheduled.push(name);
      actual.afterResponse(name, task);
    },
  };
});
// A mail server that does not answer until the test says so.
vi.doMock("@/server/mail", () => ({
  sendMail: async (message: MailMessage) => {
    await mailHeld;
    delivered.push(message);
  },
}));

let routes: AuthRoutes;
let settle: () => Promise<void>;

beforeAll(async () => {
  routes = await loadAuthRoutes({
    DATA_DIR: temporaryDataDir(),
    APP_URL: undefined,
    NEXT_PUBLIC_SUPABASE_URL: undefined,
  });
  ({ settleAfterResponse: settle } = await import("@/server/lifecycle/after-response"));
});

/** The reset request's answer, or a failure when it waits on the mail (which is held). */
async function requestReset(email: string) {
  const before = scheduled.length;
  const response = await Promise.race([
    new TestBrowser().send(routes.resetPassword, "POST", "/api/auth/reset-password", { body: { email } }),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error("the answer waited for the mail")), 5_000)),
  ]);
  return { status: response.status, body: (await response.json()) as unknown, work: scheduled.slice(before) };
}

describe("reset request work", () => {
  it("answers before any lookup or mail, with the same work scheduled for an existing and an unknown email", async () => {
    const { email } = await signedUpBrowser(routes, "Timed");
    const existing = await requestReset(email);
    const unknown = await requestReset(uniqueEmail("nobody"));

    expect(existing).toEqual(unknown);
    expect(existing.status).toBe(202);
    expect(existing.work).toEqual(["auth:password-reset-request"]);
    expect(delivered).toEqual([]);

    releaseMail();
    await settle();
    expect(delivered.map((message) => message.to)).toEqual([email]);
    expect(delivered[0]?.subject).toBe("Reset your OmniCRM password");
  });
});
