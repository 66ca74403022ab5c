import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settleAfterResponse } from "@/server/lifecycle/after-response";
import type { FakeGoTrue } from "../../support/fake-gotrue";
import { expectError, PASSWORD, signedUpBrowser, temporaryDataDir, uniqueEmail } from "./fixtures";
import type { AuthRoutes } from "./load-auth-routes";
import { APP_URL, SESSION_COOKIE, startSupabaseApp } from "./supabase-app";
import { TestBrowser } from "../../support/test-browser";

const NEW_PASSWORD = "a fresh supabase passphrase";
const dataDir = temporaryDataDir();
let routes: AuthRoutes;
let gotrue: FakeGoTrue;

beforeAll(async () => {
  ({ routes, gotrue } = await startSupabaseApp(dataDir));
});

afterAll(async () => {
  await gotrue.close();
});

const browser = () => new TestBrowser(APP_URL);

async function requestReset(email: string) {
  const response = await browser().send(routes.resetPassword, "POST", "/api/auth/reset-password", { body: { email } });
  await settleAfterResponse(); // the provider is asked after the answer
  return {
    status: response.status,
    body: (await response.json()) as unknown,
    cookies: response.headers.getSetCookie(),
  };
}

async function confirm(token: string, password = NEW_PASSWORD): Promise<Response> {
  return browser().send(routes.confirmReset, "POST", "/api/auth/reset-password/confirm", { body: { token, password } });
}

async function signInStatus(email: string, password: string): Promise<number> {
  return (await browser().send(routes.signIn, "POST", "/api/auth/sign-in", { body: { email, password } })).status;
}

describe("Supabase mode: password reset", () => {
  it("asks GoTrue to mail an existing email, answering unknown emails identically", async () => {
    const { email } = await signedUpBrowser(routes, "Recover", browser());
    const sent = gotrue.state.sentRecoveries.length;
    const existing = await requestReset(email);
    const unknown = await requestReset(uniqueEmail("ghost"));
    expect(existing.status).toBe(202);
    expect(unknown).toEqual(existing);
    expect(existing.cookies).toEqual([]);
    expect(gotrue.state.sentRecoveries.slice(sent)).toEqual([
      { email, tokenHash: expect.any(String) as string, redirectTo: `${APP_URL}/reset-password/confirm` },
    ]);
  });

  it("confirms with verifyOtp + updateUser, revokes every session, and the link works once", async () => {
    const { email } = await signedUpBrowser(routes, "Confirm", browser());
    await requestReset(email);
    const { tokenHash } = gotrue.state.sentRecoveries.at(-1) as { tokenHash: string };
    const sessionsBefore = [...gotrue.state.sessions.values()].filter((s) => !s.revoked).length;

    const response = await confirm(tokenHash);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.getSetCookie().filter((line) => !/Max-Age=0/.test(line))).toEqual([]);
    expect(gotrue.calls.slice(-3)).toEqual(["POST /verify", "PUT /user", "POST /logout"]);
    const account = gotrue.state.findByEmail(email);
    const live = [...gotrue.state.sessions.values()].filter((s) => !s.revoked && s.userId === account?.id);
    expect(live).toEqual([]);
    expect(sessionsBefore).toBeGreaterThan(0);

    expect(await signInStatus(email, PASSWORD)).toBe(401);
    expect(await signInStatus(email, NEW_PASSWORD)).toBe(200);
    const reused = await expectError(await confirm(tokenHash, "yet another passphrase"), 400);
    expect(reused.message).toMatch(/invalid, expired or already used/);
  });

  it("refuses an expired link", async () => {
    const { email } = await signedUpBrowser(routes, "Expired", browser());
    await requestReset(email);
    const { tokenHash } = gotrue.state.sentRecoveries.at(-1) as { tokenHash: string };
    gotrue.state.expireRecoveries();
    await expectError(await confirm(tokenHash), 400);
    expect(await signInStatus(email, PASSWORD)).toBe(200);
  });
});

describe("Supabase mode: Google sign-in", () => {
  it("redirects to the provider, exchanges the code at /auth/callback, and creates the profile", async () => {
    const client = browser();
    const start = await client.send(routes.google, "GET", "/api/auth/google");
    expect(start.status).toBe(303);
    const authorize = new URL(start.headers.get("location") ?? "");
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${gotrue.url}/auth/v1/authorize`);
    expect(authorize.searchParams.get("provider")).toBe("google");
    expect(authorize.searchParams.get("redirect_to")).toBe(`${APP_URL}/auth/callback`);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("s256");
    expect([...client.cookies.keys()]).toEqual([`${SESSION_COOKIE}-code-verifier`]);

    const consent = await fetch(authorize, { redirect: "manual" });
    const callback = new URL(consent.headers.get("location") ?? "");
    expect(`${callback.origin}${callback.pathname}`).toBe(`${APP_URL}/auth/callback`);

    const done = await client.send(routes.callback, "GET", `${callback.pathname}${callback.search}`);
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(`${APP_URL}/`);
    expect(client.cookies.has(`${SESSION_COOKIE}-code-verifier`)).toBe(false);
    expect(client.cookies.has(SESSION_COOKIE)).toBe(true);

    const me = await client.send(routes.user, "GET", "/api/auth/user");
    expect(await me.json()).toMatchObject({
      user: { email: gotrue.googleAccount.email, displayName: gotrue.googleAccount.fullName },
    });
  });

  it("sends the browser back to sign-in when the code cannot be exchanged", async () => {
    const start = browser();
    await start.send(routes.google, "GET", "/api/auth/google");
    for (const path of [
      "/auth/callback?code=not-a-real-code",
      "/auth/callback?error=access_denied",
      "/auth/callback",
    ]) {
      const response = await start.send(routes.callback, "GET", path);
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe(`${APP_URL}/sign-in?error=google`);
    }
    // Without the verifier cookie (another browser), even a genuine code is refused.
    const other = browser();
    const genuine = await browser().send(routes.google, "GET", "/api/auth/google");
    const consent = await fetch(new URL(genuine.headers.get("location") ?? ""), { redirect: "manual" });
    const callback = new URL(consent.headers.get("location") ?? "");
    const response = await other.send(routes.callback, "GET", `${callback.pathname}${callback.search}`);
    expect(response.headers.get("location")).toBe(`${APP_URL}/sign-in?error=google`);
    expect(other.cookies.has(SESSION_COOKIE)).toBe(false);
  });
});
