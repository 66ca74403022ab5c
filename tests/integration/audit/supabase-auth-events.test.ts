import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeGoTrue } from "../../support/fake-gotrue";
import { PASSWORD, signedUpBrowser, temporaryDataDir, uniqueEmail } from "../auth/fixtures";
import type { AuthRoutes } from "../auth/load-auth-routes";
import { APP_URL, startSupabaseApp } from "../auth/supabase-app";
import { TestBrowser } from "../../support/test-browser";
import { caller, callerHeaders, eventsOfRequest, onlyEventOf } from "./audit-app";

const dataDir = temporaryDataDir();
let routes: AuthRoutes;
let gotrue: FakeGoTrue;

beforeAll(async () => {
  ({ routes, gotrue } = await startSupabaseApp(dataDir));
});

afterAll(async () => {
  await gotrue.close();
});

async function signIn(browser: TestBrowser, from: ReturnType<typeof caller>, email: string, password: string) {
  return browser.send(routes.signIn, "POST", "/api/auth/sign-in", {
    body: { email, password },
    headers: callerHeaders(from),
  });
}

describe("Supabase mode: auth events", () => {
  it("records sign-in success, a refused password under the account, an unknown email under none, and sign-out", async () => {
    const { email, id } = await signedUpBrowser(routes, "Supa", new TestBrowser(APP_URL));
    const browser = new TestBrowser(APP_URL);

    const ok = caller();
    expect((await signIn(browser, ok, email, PASSWORD)).status).toBe(200);
    expect(await onlyEventOf(ok)).toMatchObject({ user_id: id, action: "auth.sign_in.succeeded" });

    const wrong = caller();
    expect((await signIn(new TestBrowser(APP_URL), wrong, email, "wrong password entirely 1")).status).toBe(401);
    const failed = await onlyEventOf(wrong);
    expect(failed).toMatchObject({ user_id: id, action: "auth.sign_in.failed", metadata: { reason: "unauthorized" } });
    expect(JSON.stringify(failed)).not.toContain(email.split("@")[0]);

    const unknown = caller();
    expect((await signIn(new TestBrowser(APP_URL), unknown, uniqueEmail("Ghost"), PASSWORD)).status).toBe(401);
    expect(await onlyEventOf(unknown)).toMatchObject({ user_id: null, action: "auth.sign_in.failed" });

    const out = caller();
    const response = await browser.send(routes.signOut, "POST", "/api/auth/sign-out", { headers: callerHeaders(out) });
    expect(response.status).toBe(200);
    expect(await onlyEventOf(out)).toMatchObject({ user_id: id, action: "auth.signed_out" });
    const again = caller();
    await browser.send(routes.signOut, "POST", "/api/auth/sign-out", { headers: callerHeaders(again) });
    expect(await eventsOfRequest(again.requestId)).toEqual([]);
  });
});
