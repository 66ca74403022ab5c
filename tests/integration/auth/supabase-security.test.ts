import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeGoTrue } from "../../support/fake-gotrue";
import { PASSWORD, signedUpBrowser, temporaryDataDir } from "./fixtures";
import type { AuthRoutes } from "./load-auth-routes";
import { loadSecurityRoutes, type SecurityCall } from "./security-app";
import { securityScenarios } from "./security-scenarios";
import { APP_URL, startSupabaseApp } from "./supabase-app";
import { TestBrowser } from "../../support/test-browser";

const dataDir = temporaryDataDir();
let routes: AuthRoutes;
let gotrue: FakeGoTrue;
let call: SecurityCall;

beforeAll(async () => {
  ({ routes, gotrue } = await startSupabaseApp(dataDir));
  call = await loadSecurityRoutes();
});

afterAll(async () => {
  await gotrue.close();
});

async function auditCount(userId: string, action: string): Promise<number> {
  const { getDatabase } = await import("@/server/db");
  const rows = await (
    await getDatabase()
  ).sql.query<{ n: number }>("select count(*)::int as n from public.audit_events where user_id = $1 and action = $2", [
    userId,
    action,
  ]);
  return rows[0]?.n ?? 0;
}

describe("Supabase Auth: Settings → Security", () => {
  securityScenarios(() => ({
    routes,
    call,
    origin: APP_URL,
    canCancelEmailChange: false,
    emailChangeToken: async (newEmail) =>
      gotrue.state.sentEmailChanges.findLast((sent) => sent.newEmail === newEmail)?.tokenHash,
    auditCount,
  }));
});

describe("Supabase Auth: what goes to GoTrue", () => {
  it("asks GoTrue to mail the new address (PUT /user with the email), pointing the link at the confirm page", async () => {
    const { browser } = await signedUpBrowser(routes, "Gotrue", new TestBrowser(APP_URL));
    const before = gotrue.calls.length;
    const response = await call(browser, "POST", "/api/auth/email-change", {
      newEmail: "gotrue.new@example.com",
      currentPassword: PASSWORD,
    });
    expect(response.status).toBe(202);
    expect(gotrue.calls.slice(before)).toContain("PUT /user");
    expect(gotrue.state.sentEmailChanges.at(-1)).toMatchObject({
      newEmail: "gotrue.new@example.com",
      redirectTo: `${APP_URL}/confirm-email`,
    });
  });
});
